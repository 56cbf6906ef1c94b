package fr.secondevie.tasks.form;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Camunda forms rendered and submitted without form-js: opens a form on a task's variables,
 * evaluates what the browser sent (validation, conditions, completion variables built as form-js
 * builds them) and renders it again with the entered values and the errors.
 */
@Component
public class TaskForms {

  private final FormKit kit;
  private final ExternalHosts hosts;

  @Autowired
  public TaskForms(
      Clock clock,
      FormExpressions expressions,
      @Value("${secondevie.forms.allowed-hosts:}") List<String> allowedHosts) {
    this(clock, expressions, ExternalHosts.of(allowedHosts));
  }

  public TaskForms(Clock clock, FormExpressions expressions, ExternalHosts hosts) {
    this.kit = FormKit.of(clock, expressions);
    this.hosts = hosts;
  }

  /** The hosts whose iframes and images forms may show. */
  public ExternalHosts hosts() {
    return hosts;
  }

  /** The form as the task's variables fill it. */
  public FormView open(FormSchema schema, Map<String, ?> variables) {
    FormState state = FormState.initial(schema, variables);
    FormEvaluator evaluator = FormEvaluator.evaluate(kit, schema, state, variables);
    return FormRenderer.render(kit, schema, state, evaluator, false, hosts);
  }

  /**
   * What the browser sent. With an {@code action} (a row added or removed), the form is only
   * rendered again; otherwise it is validated, and rendered with its errors when it is invalid.
   */
  public Submission submit(
      FormSchema schema,
      Map<String, String[]> parameters,
      String action,
      Map<String, ?> variables) {
    return submit(schema, parameters, action, variables, Uploads.none());
  }

  /** What the browser sent, with its files already kept in the document store. */
  public Submission submit(
      FormSchema schema,
      Map<String, String[]> parameters,
      String action,
      Map<String, ?> variables,
      Uploads uploads) {
    boolean rowAction =
        action != null && (action.startsWith("add:") || action.startsWith("remove:"));
    FormState state = FormState.fromRequest(schema, parameters, rowAction ? action : null);
    FormEvaluator evaluator = FormEvaluator.evaluate(kit, schema, state, variables, uploads);
    FormOutcome outcome = evaluator.outcome();
    FormView view = FormRenderer.render(kit, schema, state, evaluator, !rowAction, hosts);
    return new Submission(rowAction, outcome, view);
  }

  /** The HTML ids of the components hidden by their conditions for what the browser holds now. */
  public Set<String> hidden(
      FormSchema schema, Map<String, String[]> parameters, Map<String, ?> variables) {
    FormState state = FormState.fromRequest(schema, parameters, null);
    return FormEvaluator.evaluate(kit, schema, state, variables).outcome().hidden();
  }

  /**
   * A submitted form.
   *
   * @param rowAction a row was added or removed: show the form again, complete nothing
   * @param outcome the evaluation (variables and errors)
   * @param view the form to show again
   */
  public record Submission(boolean rowAction, FormOutcome outcome, FormView view) {

    /** Whether the task may be completed with {@code outcome().variables()}. */
    public boolean completes() {
      return !rowAction && outcome.valid();
    }
  }
}
