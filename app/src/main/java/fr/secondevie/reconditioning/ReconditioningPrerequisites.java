package fr.secondevie.reconditioning;

import fr.secondevie.common.Prerequisite;
import fr.secondevie.common.PrerequisiteCheck;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reconditioning needs at least one active reconditioner (the workshop or a supplier). */
@Component
class ReconditioningPrerequisites implements PrerequisiteCheck {

  private final ReconditionerRepository reconditioners;

  ReconditioningPrerequisites(ReconditionerRepository reconditioners) {
    this.reconditioners = reconditioners;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Prerequisite> missing() {
    boolean ready = reconditioners.findAllOrdered().stream().anyMatch(Reconditioner::active);
    return ready
        ? List.of()
        : List.of(
            new Prerequisite(
                "Aucun reconditionneur actif (atelier interne ou prestataire référencé).",
                "Les équipements orientés vers le reconditionnement ne pourront être confiés à"
                    + " personne.",
                "/reconditioners"));
  }
}
