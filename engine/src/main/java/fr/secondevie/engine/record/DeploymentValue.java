package fr.secondevie.engine.record;

import fr.secondevie.engine.model.ExecutableProcess;
import java.util.List;

/**
 * A deployment: every definition it contains, in resource order, whether new or the unchanged
 * latest version of an identical resource. New definitions also get their own CREATED record.
 */
public record DeploymentValue(
    List<ExecutableProcess> processes,
    List<DecisionRequirementsValue> decisionRequirements,
    List<DecisionValue> decisions,
    List<FormValue> forms)
    implements RecordValue {}
