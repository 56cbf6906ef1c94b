package fr.secondevie.recycling;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.secondevie.common.Siret;
import io.camunda.client.api.response.ActivatedJob;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/** Companies and jobs for the recycling tests. */
final class RecyclingFixtures {

  private static final AtomicLong KEYS = new AtomicLong(2_251_799_813_900_000L);

  private RecyclingFixtures() {}

  static void clean(JdbcTemplate jdbc) {
    jdbc.update("DELETE FROM dismantling_lot_asset");
    jdbc.update("DELETE FROM dismantling_lot");
    jdbc.update("DELETE FROM adapted_company");
  }

  static String siret() {
    StringBuilder digits = new StringBuilder("8");
    for (int i = 0; i < 12; i++) {
      digits.append(ThreadLocalRandom.current().nextInt(10));
    }
    for (int key = 0; key < 10; key++) {
      if (Siret.isValid(digits.toString() + key)) {
        return digits.toString() + key;
      }
    }
    throw new IllegalStateException("no key");
  }

  static CompanyForm company(String name, int lotSize, boolean defaultCompany) {
    return new CompanyForm(
        name,
        siret(),
        CompanyType.EA,
        "CPOM-2024-076-12",
        "ecosystem",
        "ESR-DEEE-2024-4411",
        "commandes@ea-normandie.example",
        "ZA du Madrillet, 76800 Saint-Étienne-du-Rouvray",
        lotSize,
        defaultCompany,
        true);
  }

  static ActivatedJob job(String type) {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getType()).thenReturn(type);
    when(job.getElementInstanceKey()).thenReturn(KEYS.incrementAndGet());
    return job;
  }
}
