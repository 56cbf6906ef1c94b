package fr.secondevie.recycling;

import fr.secondevie.common.Prerequisite;
import fr.secondevie.common.PrerequisiteCheck;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Recycling needs an active adapted company marked as the default one (it receives the lots). */
@Component
class RecyclingPrerequisites implements PrerequisiteCheck {

  private final AdaptedCompanyRepository companies;

  RecyclingPrerequisites(AdaptedCompanyRepository companies) {
    this.companies = companies;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Prerequisite> missing() {
    boolean ready =
        companies.findDefault().filter(c -> c.active() && c.defaultCompany()).isPresent();
    return ready
        ? List.of()
        : List.of(
            new Prerequisite(
                "Aucune entreprise adaptée (EA/ESAT) active n'est désignée par défaut.",
                "Le premier équipement orienté vers le recyclage ouvrira un incident : aucun lot"
                    + " de démantèlement ne peut lui être attribué.",
                "/adapted-companies/new"));
  }
}
