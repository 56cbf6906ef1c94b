package fr.secondevie.engine.model;

import fr.secondevie.engine.feel.Expression;
import java.util.List;
import java.util.Map;

/**
 * What an ad-hoc sub-process needs to run, as the Camunda 8.8 "Ad-hoc sub-processes" page describes
 * it ({@code zeebe:adHoc} and the BPMN completion condition). Absent attributes are {@code null}.
 *
 * @param activeElementsCollection evaluated on activation: the ids of the inner elements to
 *     activate
 * @param completionCondition evaluated each time an inner flow completes
 * @param cancelRemainingInstances whether the inner flows still active are terminated once the
 *     completion condition holds (BPMN default {@code true})
 * @param outputCollection the local variable collecting the output of each inner flow
 * @param outputElement evaluated in each inner flow when it completes
 * @param innerInstance the element of the inner instances (same id, type {@link
 *     ElementType#AD_HOC_SUB_PROCESS_INNER_INSTANCE}) each activation runs in
 * @param activatable the inner elements that may be activated: those without incoming flows
 * @param elementsVariable the value of the {@code adHocSubProcessElements} variable: per
 *     activatable element, its {@code elementId}, {@code elementName}, {@code documentation} and
 *     {@code properties} ({@code zeebe:properties}), those null or empty left out
 */
public record AdHocDefinition(
    Expression activeElementsCollection,
    Expression completionCondition,
    boolean cancelRemainingInstances,
    String outputCollection,
    Expression outputElement,
    ExecutableElement innerInstance,
    List<ExecutableElement> activatable,
    List<Map<String, Object>> elementsVariable) {

  /** The name of the variable describing the activatable elements, set on activation. */
  public static final String ELEMENTS_VARIABLE = "adHocSubProcessElements";

  /** The activatable inner element with the id, or {@code null}. */
  public ExecutableElement activatable(String elementId) {
    return activatable.stream().filter(e -> e.id().equals(elementId)).findFirst().orElse(null);
  }
}
