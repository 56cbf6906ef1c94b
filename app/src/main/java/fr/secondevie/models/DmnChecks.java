package fr.secondevie.models;

import static fr.secondevie.models.ModelChecker.error;
import static fr.secondevie.models.ModelChecker.rootMessage;

import fr.secondevie.models.ModelChecker.ModelFile;
import fr.secondevie.models.ModelChecker.Problem;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The checks of a DMN file (rules 1 and 8 of {@link ModelChecker}). */
final class DmnChecks {

  private DmnChecks() {}

  /** The ids of the file's decisions (none when unreadable). */
  static Set<String> checkDmn(ProcessContract contract, ModelFile file, List<Problem> problems) {
    DmnFile dmn;
    try {
      dmn = DmnFile.read(file.name(), file.content());
    } catch (IllegalStateException e) {
      problems.add(error(file.name(), null, "DMN illisible : " + rootMessage(e)));
      return Set.of();
    }
    Set<String> ids = new LinkedHashSet<>(dmn.decisionIds());
    if (ids.isEmpty()) {
      problems.add(error(file.name(), dmn.id(), "aucune décision dans ce fichier DMN"));
    }
    contract
        .decisions()
        .forEach(
            (id, needed) -> {
              if (dmn.id().equals(needed.requirementsId()) && !ids.contains(id)) {
                problems.add(
                    error(
                        file.name(),
                        id,
                        "la décision « " + id + " » que l'application appelle a disparu"));
              }
            });
    for (DmnFile.Decision decision : dmn.decisions()) {
      ProcessContract.DecisionContract needed = contract.decisions().get(decision.id());
      if (needed == null) {
        continue;
      }
      Set<String> outputs = new TreeSet<>();
      decision.outputs().forEach(o -> outputs.add(o.text()));
      for (String output : needed.outputs()) {
        if (!outputs.contains(output)) {
          problems.add(
              error(
                  file.name(),
                  decision.id(),
                  "sortie « " + output + " » manquante : l'application la lit"));
        }
      }
      for (DmnFile.Column input : decision.inputs()) {
        if (!needed.inputs().contains(input.text())) {
          problems.add(
              error(
                  file.name(),
                  input.id(),
                  "entrée « "
                      + input.text()
                      + " » que le processus ne fournit pas (entrées fournies : "
                      + String.join(", ", needed.inputs())
                      + ")"));
        }
      }
    }
    return ids;
  }
}
