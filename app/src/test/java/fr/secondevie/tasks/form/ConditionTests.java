package fr.secondevie.tasks.form;

import static fr.secondevie.tasks.form.FormFixtures.FORMS;
import static fr.secondevie.tasks.form.FormFixtures.components;
import static fr.secondevie.tasks.form.FormFixtures.find;
import static fr.secondevie.tasks.form.FormFixtures.json;
import static fr.secondevie.tasks.form.FormFixtures.params;
import static fr.secondevie.tasks.form.FormFixtures.vars;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.tasks.form.TaskForms.Submission;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code conditional.hide}: a hidden field is neither validated nor submitted, on the form's data
 * (task variables overlaid with the typed values), for each construct of the subset.
 */
class ConditionTests {

  private static FormSchema hiddenWhen(String condition) {
    return components(
        "[{'id':'choice','key':'choice','label':'Choix','type':'textfield'},"
            + "{'id':'n','key':'n','label':'N','type':'number'},"
            + "{'id':'target','key':'target','label':'Cible','type':'textfield','validate':{'required':true},"
            + "'conditional':{'hide':'="
            + condition.replace("\"", "\\\"")
            + "'}}]");
  }

  @ParameterizedTest(name = "{0} with choice={1}, n={2} → hidden: {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "choice != \"RETRY\"                 | RETRY    | 1 | false",
        "choice != \"RETRY\"                 | WITHDRAW | 1 | true",
        "choice != \"RETRY\"                 |          | 1 | true",
        "choice = \"RETRY\"                  |          | 1 | false",
        "n > 5                               | x        | 6 | true",
        "n <= 5                              | x        | 6 | false",
        "n > 5 and choice = \"x\"            | x        | 6 | true",
        "n > 5 and choice = \"y\"            | x        | 6 | false",
        "n > 5 or choice = \"y\"             | x        | 1 | false",
        "not(choice = \"x\")                 | x        | 1 | false",
        "not(is defined(context))            | x        | 1 | false",
        "is defined(nothing)                 | x        | 1 | false",
        "n between 1 and 3                   | x        | 2 | true",
        "choice in (\"a\", \"b\")            | b        | 2 | true",
        "list contains(site.tags, choice)    | rouge    | 2 | true",
        "site.category = \"LAPTOP\"          | x        | 2 | true",
        "n > \"5\"                           | x        | 9 | false",
        "choice ==== broken                  | x        | 9 | false",
      })
  void shouldHideOnTheFormsData(String condition, String choice, String n, boolean hidden) {
    FormSchema schema = hiddenWhen(condition.trim());
    Map<String, Object> variables =
        vars("{'context': 1, 'site': {'category': 'LAPTOP', 'tags': ['rouge']}}");
    Submission submission =
        FORMS.submit(
            schema,
            params("choice", choice == null ? "" : choice, "n", n, "target", ""),
            null,
            variables);

    assertThat(submission.outcome().hidden().contains("f-target")).isEqualTo(hidden);
    assertThat(find(submission.view(), "f-target").isHidden()).isEqualTo(hidden);
    // hidden: neither validated nor sent; shown: required
    assertThat(submission.outcome().errors()).hasSize(hidden ? 0 : 1);
    assertThat(submission.outcome().variables().containsKey("target")).isEqualTo(!hidden);
  }

  @Test
  void shouldHideEverythingInsideAHiddenGroup() {
    FormSchema schema =
        components(
            "[{'id':'kind','key':'kind','label':'Nature','type':'textfield'},"
                + "{'id':'g','type':'group','label':'Batterie','path':'battery','conditional':{'hide':'=kind != \\\"LAPTOP\\\"'},"
                + "'components':[{'id':'h','key':'health','label':'Santé','type':'number','validate':{'required':true}},"
                + "{'id':'l','type':'dynamiclist','label':'Cellules','path':'cells','components':["
                + "{'id':'v','key':'v','label':'Tension','type':'number','validate':{'required':true}}]}]}]");
    Submission desktop =
        FORMS.submit(
            schema, params("kind", "DESKTOP", "battery.cells[0]._row", "1"), null, Map.of());
    assertThat(desktop.outcome().hidden()).contains("f-g", "f-h", "f-l", "f-v-0");
    assertThat(desktop.outcome().errors()).isEmpty();
    assertThat(json(desktop.outcome().variables())).isEqualTo(json("{'kind': 'DESKTOP'}"));

    Submission laptop =
        FORMS.submit(
            schema,
            params(
                "kind",
                "LAPTOP",
                "battery.health",
                "80",
                "battery.cells[0]._row",
                "1",
                "battery.cells[0].v",
                "3,7"),
            null,
            Map.of());
    assertThat(laptop.outcome().hidden()).isEmpty();
    assertThat(json(laptop.outcome().variables()))
        .isEqualTo(json("{'kind': 'LAPTOP', 'battery': {'health': 80, 'cells': [{'v': 3.7}]}}"));
  }

  @Test
  void shouldEvaluateConditionsInARowOnItsOwnFieldsThroughThis() {
    // given a list whose rows hide a field on the row's own value (this.result), and another on a
    // bare name, which form-js reads in the form's data, not in the row
    FormSchema schema =
        components(
            "[{'id':'l','type':'dynamiclist','label':'Lignes','path':'rows','components':["
                + "{'id':'r','key':'result','label':'Résultat','type':'textfield'},"
                + "{'id':'why','key':'why','label':'Motif','type':'textfield','validate':{'required':true},"
                + "'conditional':{'hide':'=this.result != \\\"FAILED\\\"'}},"
                + "{'id':'note','key':'note','label':'Note','type':'textfield','conditional':{'hide':'=result = \\\"FAILED\\\"'}}]}]");

    // when two rows are sent, the form's own data having result = FAILED
    Submission submission =
        FORMS.submit(
            schema,
            params(
                "rows[0]._row",
                "1",
                "rows[0].result",
                "PASSED",
                "rows[1]._row",
                "1",
                "rows[1].result",
                "FAILED"),
            null,
            vars("{'result': 'FAILED'}"));

    // then the row's value decides for 'why', the form's value for 'note' (in every row)
    assertThat(submission.outcome().hidden())
        .containsExactlyInAnyOrder("f-why-0", "f-note-0", "f-note-1");
    assertThat(submission.outcome().errors())
        .extracting(FieldError::inputId)
        .containsExactly("f-why-1");
  }

  @Test
  void shouldUseTheTaskVariablesInConditionsBeforeAnythingIsTyped() {
    FormSchema schema = hiddenWhen("site.category != \"LAPTOP\"");
    assertThat(
            find(FORMS.open(schema, vars("{'site': {'category': 'DESKTOP'}}")), "f-target")
                .isHidden())
        .isTrue();
    assertThat(
            find(FORMS.open(schema, vars("{'site': {'category': 'LAPTOP'}}")), "f-target")
                .isHidden())
        .isFalse();
    assertThat(
            FORMS.hidden(schema, params("choice", "x"), vars("{'site': {'category': 'DESKTOP'}}")))
        .containsExactly("f-target");
  }
}
