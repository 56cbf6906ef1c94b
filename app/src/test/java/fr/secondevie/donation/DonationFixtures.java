package fr.secondevie.donation;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.secondevie.inventory.AssetCategory;
import io.camunda.client.api.response.ActivatedJob;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/** Beneficiaries, requests and jobs for the donation tests. */
final class DonationFixtures {

  private static final AtomicLong KEYS = new AtomicLong(2_251_799_813_700_000L);

  private DonationFixtures() {}

  static void clean(JdbcTemplate jdbc) {
    jdbc.update("DELETE FROM donation");
    jdbc.update("DELETE FROM donation_request");
    jdbc.update("DELETE FROM donation_beneficiary");
  }

  /** A random SIRET with a correct key. */
  static String siret() {
    StringBuilder digits = new StringBuilder("9");
    for (int i = 0; i < 12; i++) {
      digits.append(ThreadLocalRandom.current().nextInt(10));
    }
    for (int key = 0; key < 10; key++) {
      String candidate = digits.toString() + key;
      if (OrganisationIds.isValidSiret(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no key");
  }

  static BeneficiaryForm form(String name, LegalCategory category, LocalDate commitment) {
    return new BeneficiaryForm(
        name,
        siret(),
        null,
        category,
        "12 rue de la République, 76000 Rouen",
        "Claire Martin",
        "contact@association.example",
        "Statuts et décret",
        commitment,
        true);
  }

  static BeneficiaryRegistry.Upload proof() {
    return new BeneficiaryRegistry.Upload(
        "statuts.pdf", "%PDF-1.4 statuts".getBytes(StandardCharsets.UTF_8));
  }

  /** An eligible beneficiary (proof, commitment) with an open request. */
  static DonationRequest openRequest(
      BeneficiaryRegistry registry,
      String name,
      LegalCategory category,
      int quantity,
      AssetCategory... wanted) {
    Beneficiary b =
        registry.create(form(name, category, LocalDate.of(2024, 3, 1)), proof(), "gestionnaire");
    return registry.openRequest(b.id(), new RequestForm(Set.of(wanted), quantity, null));
  }

  static ActivatedJob job(String type) {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getType()).thenReturn(type);
    when(job.getElementInstanceKey()).thenReturn(KEYS.incrementAndGet());
    when(job.getProcessInstanceKey()).thenReturn(KEYS.incrementAndGet());
    return job;
  }
}
