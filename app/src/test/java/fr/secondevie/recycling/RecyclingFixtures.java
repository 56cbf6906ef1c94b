package fr.secondevie.recycling;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.secondevie.common.Siret;
import fr.secondevie.support.EventPublications;
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

  /**
   * Waits for the listeners of the lot events of the lots still in the database (those of the
   * current test: each test cleans first), so that none runs during the next test.
   */
  static void awaitLotEvents(EventPublications publications, JdbcTemplate jdbc) {
    java.util.Set<Long> present =
        new java.util.HashSet<>(jdbc.queryForList("SELECT id FROM dismantling_lot", Long.class));
    publications.awaitNoneIncomplete(
        event ->
            (event instanceof LotEvents.LotOpened o && present.contains(o.lotId()))
                || (event instanceof LotEvents.LotFull f && present.contains(f.lotId()))
                || (event instanceof LotEvents.AssetDismantled d && present.contains(d.lotId())));
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
