package fr.secondevie.donation;

import fr.secondevie.common.Prerequisite;
import fr.secondevie.common.PrerequisiteCheck;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Donation needs a beneficiary that may receive a proposal: active, its eligible category proven
 * and its reuse commitment signed.
 */
@Component
class DonationPrerequisites implements PrerequisiteCheck {

  private final BeneficiaryRepository beneficiaries;

  DonationPrerequisites(BeneficiaryRepository beneficiaries) {
    this.beneficiaries = beneficiaries;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Prerequisite> missing() {
    boolean ready = beneficiaries.findAllByName().stream().anyMatch(Beneficiary::eligible);
    return ready
        ? List.of()
        : List.of(
            new Prerequisite(
                "Aucun bénéficiaire éligible (actif, catégorie justifiée, engagement de réemploi"
                    + " signé).",
                "Les équipements orientés vers le don attendront chaque semaine une demande sans"
                    + " jamais recevoir de proposition.",
                "/beneficiaries/new"));
  }
}
