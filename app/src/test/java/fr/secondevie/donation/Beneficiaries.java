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

  /**
   * Closes the request as the registry's page does ({@code POST /donation-requests/{id}/close}):
   * the beneficiary no longer needs anything.
   */
  public static void closeRequest(ApplicationContext context, long requestId, String reason) {
    context.getBean(BeneficiaryRegistry.class).closeRequest(requestId, reason);
  }

  /**
   * Deactivates the beneficiary of the request as the registry's edit page does (box "active"
   * unticked, nothing else changed): it may no longer receive anything, its request stays open.
   */
  public static void deactivateBeneficiaryOf(ApplicationContext context, long requestId) {
    BeneficiaryRegistry registry = context.getBean(BeneficiaryRegistry.class);
    Beneficiary beneficiary = registry.request(requestId).orElseThrow().beneficiary();
    BeneficiaryForm current = BeneficiaryForm.of(beneficiary);
    registry.update(
        beneficiary.id(),
        new BeneficiaryForm(
            current.name(),
            current.siret(),
            current.rna(),
            current.legalCategory(),
            current.address(),
            current.contactName(),
            current.contactEmail(),
            current.proofDescription(),
            current.reuseCommitmentSignedOn(),
            false),
        null,
        "gestionnaire");
  }
}
