package fr.secondevie.models;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to deploy of the bundled models, given what the runtime has: for each process and decision
 * file, the version tags of every version the runtime knows (latest first).
 *
 * <p>A bundled process or DMN is deployed when the runtime has no version of it, or when its tag is
 * newer than every ordered tag the runtime knows for it. Otherwise the runtime's latest version is
 * kept, whoever deployed it. A bundled model without a tag is deployed only where the runtime has
 * nothing. Forms go with the processes that link them (a form of a kept process is kept too, so an
 * owner's edited form is not reverted); a form no bundled process links is deployed always
 * (identical content keeps its version).
 */
record DeploymentPlan(List<BundledModel> toDeploy, List<Decision> decisions) {

  /** Why a model is deployed or kept, for the start log. */
  record Decision(BundledModel model, boolean deploy, String reason) {}

  static DeploymentPlan of(List<BundledModel> bundled, Map<String, List<String>> runtimeTags) {
    List<Decision> decisions = new ArrayList<>();
    Set<String> formsOfDeployed = new LinkedHashSet<>();
    Set<String> formsOfKept = new LinkedHashSet<>();
    for (BundledModel model : bundled) {
      if (model.kind() == BundledModel.Kind.FORM) {
        continue;
      }
      Decision decision = decide(model, runtimeTags.getOrDefault(model.id(), List.of()));
      decisions.add(decision);
      (decision.deploy() ? formsOfDeployed : formsOfKept).addAll(model.formIds());
    }
    for (BundledModel form : bundled) {
      if (form.kind() != BundledModel.Kind.FORM) {
        continue;
      }
      if (formsOfDeployed.contains(form.id())) {
        decisions.add(new Decision(form, true, "with the process that links it"));
      } else if (formsOfKept.contains(form.id())) {
        decisions.add(
            new Decision(form, false, "kept with the runtime's version of the process linking it"));
      } else {
        decisions.add(new Decision(form, true, "linked by no bundled process"));
      }
    }
    List<BundledModel> toDeploy =
        decisions.stream().filter(Decision::deploy).map(Decision::model).toList();
    return new DeploymentPlan(toDeploy, List.copyOf(decisions));
  }

  private static Decision decide(BundledModel model, List<String> tagsLatestFirst) {
    if (tagsLatestFirst.isEmpty()) {
      return new Decision(model, true, "the runtime has no version of it");
    }
    String latest = tagsLatestFirst.get(0);
    if (!VersionTag.isOrdered(model.versionTag())) {
      return new Decision(
          model, false, "bundled without an ordered version tag; the runtime's latest is kept");
    }
    var newestKnown = VersionTag.newest(tagsLatestFirst);
    if (newestKnown.isEmpty() || VersionTag.compare(model.versionTag(), newestKnown.get()) > 0) {
      return new Decision(
          model,
          true,
          "bundled tag "
              + model.versionTag()
              + " is newer than "
              + newestKnown
                  .map(t -> "the runtime's newest tag " + t)
                  .orElse("any tag the runtime knows"));
    }
    return new Decision(
        model,
        false,
        "the runtime's latest version (tag "
            + (latest == null ? "none" : latest)
            + ") is kept: the bundled tag "
            + model.versionTag()
            + " is not newer than "
            + newestKnown.get());
  }
}
