package fr.secondevie.sanitization;

import java.util.List;

/** A submitted wipe report has problems: nothing was stored, nothing was published. */
class IntakeRejectedException extends RuntimeException {

  private final List<IntakeError> errors;

  public IntakeRejectedException(List<IntakeError> errors) {
    super(
        "Rapport d'effacement refusé : %d erreur(s), rien n'a été enregistré (%s)"
            .formatted(errors.size(), errors.get(0).message()));
    this.errors = List.copyOf(errors);
  }

  public List<IntakeError> errors() {
    return errors;
  }
}
