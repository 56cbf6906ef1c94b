package fr.secondevie.web;

import fr.secondevie.common.Prerequisite;
import fr.secondevie.common.PrerequisiteCheck;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Every feature's {@link PrerequisiteCheck}, asked together. */
@Component
class Prerequisites {

  private static final Logger LOG = LoggerFactory.getLogger(Prerequisites.class);

  private final List<PrerequisiteCheck> checks;

  Prerequisites(List<PrerequisiteCheck> checks) {
    this.checks = List.copyOf(checks);
  }

  /** What is missing now, feature by feature; a check that fails is reported as such. */
  List<Prerequisite> missing() {
    List<Prerequisite> missing = new ArrayList<>();
    for (PrerequisiteCheck check : checks) {
      try {
        missing.addAll(check.missing());
      } catch (RuntimeException e) {
        LOG.warn("Prerequisite check {} failed", check.getClass().getSimpleName(), e);
        missing.add(
            new Prerequisite(
                "La vérification « " + check.getClass().getSimpleName() + " » a échoué.",
                "Voir le journal de l'application.",
                "journal"));
      }
    }
    return missing;
  }
}
