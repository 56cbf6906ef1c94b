package fr.secondevie.donation;

import fr.secondevie.inventory.AssetCategory;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Beneficiaries for the tests of other packages (process tests), built through the registry. */
public final class Beneficiaries {

  private Beneficiaries() {}

  /** No beneficiary, request nor donation. */
  public static void clean(JdbcTemplate jdbc) {
    DonationFixtures.clean(jdbc);
  }

  /**
   * A parents' association (proof stored, reuse commitment signed) with an open request.
   *
   * @return the request's id
   */
  public static long openRequest(
      ApplicationContext context, String name, int quantity, AssetCategory... wanted) {
    return DonationFixtures.openRequest(
            context.getBean(BeneficiaryRegistry.class),
            name,
            LegalCategory.PARENTS_ASSOCIATION,
            quantity,
            wanted)
        .id();
  }
}
