package fr.secondevie.tasks.form;

import static fr.secondevie.tasks.form.FormFixtures.FORMS;
import static fr.secondevie.tasks.form.FormFixtures.TEMPLATES;
import static fr.secondevie.tasks.form.FormFixtures.components;
import static fr.secondevie.tasks.form.FormFixtures.find;
import static fr.secondevie.tasks.form.FormFixtures.json;
import static fr.secondevie.tasks.form.FormFixtures.params;
import static fr.secondevie.tasks.form.FormFixtures.vars;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.tasks.form.TaskForms.Submission;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code this}, {@code parent} and {@code i} in nested contexts, as form-js defines them: a row of
 * a dynamic list has its item as {@code this}, the enclosing scope (whose data is its {@code this})
 * as {@code parent}, its row numbers from 1 as {@code i}; a bare name reads the form's data; a
 * group opens no scope; a template's {@code {{#loop}}} makes the item {@code this} and the
 * enclosing context {@code parent}.
 */
class NestedContextTests {

  /** Sites, each with rooms; a text in each room, the form's own data has {@code a}. */
  private static final String NESTED =
      "[{'id':'sites','type':'dynamiclist','label':'Sites','path':'sites','isRepeating':true,'components':["
          + "{'id':'b','key':'b','label':'B','type':'textfield'},"
          + "{'id':'g','type':'group','label':'Groupe','components':["
          + "{'id':'rooms','type':'dynamiclist','label':'Salles','path':'rooms','isRepeating':true,'components':["
          + "{'id':'c','key':'c','label':'C','type':'textfield'},"
          + "{'id':'t','type':'text','text':'{{parent.parent.this.a}}|{{parent.this.b}}|{{parent.b}}|{{this.c}}|{{a}}|{{c}}'},"
          + "{'id':'x','key':'where','type':'expression','expression':'=parent.parent.this.a + \\\"/\\\" + parent.b + \\\"/\\\" + this.c'}"
          + "]}]}]}]";

  private static final Map<String, Object> DATA =
      vars(
          "{'a': 'CHU', 'c': 'racine', 'sites': [{'b': 'Nord', 'rooms': [{'c': 'S1'}, {'c': 'S2'}]},"
              + " {'b': 'Sud', 'rooms': [{'c': 'S3'}]}]}");

  @Test
  void shouldGiveFormJsResultForParentParentThisInNestedLists() {
    // given a text in a row of a list nested in a row of another list
    FormSchema schema = components(NESTED);

    // when the form is opened on the data
    FormView view = FORMS.open(schema, DATA);

    // then parent.parent.this is the form's data, parent the site's row, this the room's row,
    // and a bare name the form's data (not the row's)
    assertThat(find(view, "f-t-0-0").getHtml()).isEqualTo("<p>CHU|Nord|Nord|S1|CHU|racine</p>\n");
    assertThat(find(view, "f-t-0-1").getHtml()).isEqualTo("<p>CHU|Nord|Nord|S2|CHU|racine</p>\n");
    assertThat(find(view, "f-t-1-0").getHtml()).isEqualTo("<p>CHU|Sud|Sud|S3|CHU|racine</p>\n");
  }

  @Test
  void shouldComputeExpressionsWithTheSameNestedContext() {
    // given the same form, submitted as the data holds it
    FormSchema schema = components(NESTED);

    // when it is submitted
    Submission submission =
        FORMS.submit(
            schema,
            params(
                "sites[0]._row",
                "1",
                "sites[0]._src",
                "0",
                "sites[0].b",
                "Nord",
                "sites[0].rooms[0]._row",
                "1",
                "sites[0].rooms[0]._src",
                "0",
                "sites[0].rooms[0].c",
                "S1"),
            null,
            DATA);

    // then each room's expression read the form, its site and itself
    assertThat(json(submission.outcome().variables()))
        .isEqualTo(
            json("{'sites': [{'b': 'Nord', 'rooms': [{'c': 'S1', 'where': 'CHU/Nord/S1'}]}]}"));
  }

  @Test
  void shouldNumberRowsWithIAndHideOnIt() {
    // given rows whose field is hidden on the row number (i, from 1)
    FormSchema schema =
        components(
            "[{'id':'l','type':'dynamiclist','label':'L','path':'rows','isRepeating':true,'components':["
                + "{'id':'n','key':'n','label':'N','type':'textfield','conditional':{'hide':'=i[1] = 2'}}]}]");

    // when it is opened on three rows
    FormView view = FORMS.open(schema, vars("{'rows': [{'n': 'a'}, {'n': 'b'}, {'n': 'c'}]}"));

    // then only the second row's field is hidden
    assertThat(find(view, "f-n-0").isHidden()).isFalse();
    assertThat(find(view, "f-n-1").isHidden()).isTrue();
    assertThat(find(view, "f-n-2").isHidden()).isFalse();
  }

  @Test
  void shouldScopeLoopsOfTemplatesAsFeelers() {
    // given nested loops of a text at the form's root
    String template =
        "{{#loop sites}}[{{b}}:{{#loop rooms}}{{c}}-{{parent.b}}-{{parent.parent.this.a}}"
            + "{{/loop}}]{{/loop}}";

    // when it is rendered
    String text = TEMPLATES.text(template, FormScope.root(DATA).context());

    // then an item's entries and this are in scope, the enclosing ones through parent
    assertThat(text).isEqualTo("[Nord:S1-Nord-CHUS2-Nord-CHU][Sud:S3-Sud-CHU]");
  }
}
