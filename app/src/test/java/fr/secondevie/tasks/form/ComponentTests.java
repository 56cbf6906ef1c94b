package fr.secondevie.tasks.form;

import static fr.secondevie.tasks.form.FormFixtures.FORMS;
import static fr.secondevie.tasks.form.FormFixtures.components;
import static fr.secondevie.tasks.form.FormFixtures.find;
import static fr.secondevie.tasks.form.FormFixtures.json;
import static fr.secondevie.tasks.form.FormFixtures.params;
import static fr.secondevie.tasks.form.FormFixtures.vars;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.tasks.form.TaskForms.Submission;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One component type at a time: rendering, parsing, validation, completion variables. */
class ComponentTests {

  private static Submission submit(FormSchema schema, Map<String, String[]> params) {
    return FORMS.submit(schema, params, null, Map.of());
  }

  private static Submission submit(
      FormSchema schema, Map<String, String[]> params, Map<String, Object> variables) {
    return FORMS.submit(schema, params, null, variables);
  }

  private static List<String> errors(Submission submission) {
    return submission.outcome().errors().stream().map(FieldError::message).toList();
  }

  @Test
  void shouldSubmitTextFieldsAsTypedWithDefaultsDescriptionsAndLengths() {
    FormSchema schema =
        components(
            "[{'id':'a','key':'name','label':'Nom','type':'textfield','defaultValue':'Anonyme',"
                + "'description':'Tel que sur la pièce','validate':{'minLength':2,'maxLength':5}},"
                + "{'id':'b','key':'notes','label':'Notes','type':'textarea'}]");

    FormView view = FORMS.open(schema, Map.of());
    ComponentView name = find(view, "f-a");
    assertThat(name.getValue()).isEqualTo("Anonyme");
    assertThat(name.getDescription()).isEqualTo("Tel que sur la pièce");
    assertThat(name.getHint()).isEqualTo("De 2 à 5 caractères.");
    assertThat(name.getDescribedBy()).isEqualTo("f-a-desc f-a-hint");

    assertThat(
            json(submit(schema, params("name", "Léa", "notes", "l1\r\nl2")).outcome().variables()))
        .isEqualTo(json("{'name': 'Léa', 'notes': 'l1\\nl2'}"));
    assertThat(errors(submit(schema, params("name", " Jean-Pierre ", "notes", ""))))
        .containsExactly("Saisissez au plus 5 caractères (11 actuellement).");
    // an untouched text field is an empty string, as in form-js
    assertThat(
            json(submit(schema, params("name", "Léa")).outcome().variables()).get("notes").asText())
        .isEmpty();
  }

  @Test
  void shouldTakeTextValuesFromVariablesAndCleanThem() {
    FormSchema schema =
        components(
            "[{'id':'a','key':'a','label':'A','type':'textfield'},{'id':'b','key':'b','label':'B','type':'textfield'},"
                + "{'id':'c','key':'c','label':'C','type':'textfield'}]");
    FormView view = FORMS.open(schema, vars("{'a': 12.50, 'b': {'x': 1}, 'c': true}"));
    assertThat(find(view, "f-a").getValue()).isEqualTo("12.5");
    assertThat(find(view, "f-b").getValue()).isEmpty();
    assertThat(find(view, "f-c").getValue()).isEqualTo("true");
  }

  @Test
  void shouldSubmitNumbersAsNumbers() {
    FormSchema schema =
        components(
            "[{'id':'n','key':'n','label':'N','type':'number','decimalDigits':2,'validate':{'min':0.5,'max':10}},"
                + "{'id':'i','key':'i','label':'I','type':'number','increment':'0.25'},"
                + "{'id':'s','key':'s','label':'S','type':'number','serializeToString':true}]");

    Submission ok =
        submit(
            schema,
            params("n", "1\u00a0000,50".replace("1\u00a0000", "9"), "i", "1.75", "s", "3,10"));
    assertThat(json(ok.outcome().variables())).isEqualTo(json("{'n': 9.5, 'i': 1.75, 's': '3.1'}"));
    assertThat(json(submit(schema, params("n", "2,00", "i", "", "s", "")).outcome().variables()))
        .isEqualTo(json("{'n': 2, 'i': null, 's': null}"));

    assertThat(errors(submit(schema, params("n", "10,001", "i", "1.6"))))
        .containsExactly(
            "Saisissez au plus 2 décimales. Saisissez une valeur inférieure ou égale à 10.",
            "Choisissez une valeur par pas de 0,25 : les plus proches sont 1,5 et 1,75.");
    assertThat(errors(submit(schema, params("n", "0"))))
        .containsExactly("Saisissez une valeur supérieure ou égale à 0,5.");
    assertThat(errors(submit(schema, params("n", "1e3"))))
        .containsExactly("Saisissez un nombre, par exemple 12 ou 12,5.");
    assertThat(find(FORMS.open(schema, Map.of()), "f-n").getHint())
        .isEqualTo("Nombre, 2 décimales au plus, de 0,5 à 10.");
    assertThat(find(FORMS.open(schema, Map.of()), "f-n").getInputMode()).isEqualTo("decimal");
    assertThat(find(FORMS.open(schema, vars("{'n': 1234.5}")), "f-n").getValue())
        .isEqualTo("1234,5");
    assertThat(find(FORMS.open(schema, vars("{'n': 'douze'}")), "f-n").getValue()).isEmpty();
  }

  @Test
  void shouldSubmitCheckboxesAsBooleans() {
    FormSchema schema =
        components(
            "[{'id':'c','key':'ok','label':'OK','type':'checkbox','validate':{'required':true}},"
                + "{'id':'d','key':'opt','label':'Option','type':'checkbox','defaultValue':true},"
                + "{'id':'r','key':'ro','label':'Lu','type':'checkbox','readonly':true}]");
    FormView view = FORMS.open(schema, vars("{'ro': true}"));
    assertThat(find(view, "f-d").getValue()).isEqualTo("true");
    assertThat(find(view, "f-r").isLocked()).isTrue();

    // unchecked boxes send nothing: false; the read-only one keeps the variable's value
    assertThat(
            json(submit(schema, params("ok", "true"), vars("{'ro': true}")).outcome().variables()))
        .isEqualTo(json("{'ok': true, 'opt': false, 'ro': true}"));
    assertThat(errors(submit(schema, params())))
        .containsExactly("Cochez cette case : elle est obligatoire.");
    assertThat(find(FORMS.open(schema, vars("{'ok': 'yes'}")), "f-c").getValue()).isEmpty();
  }

  @Test
  void shouldSubmitChecklistsAsArraysInTheOrderOfTheirOptions() {
    FormSchema schema =
        components(
            "[{'id':'l','key':'items','label':'Éléments','type':'checklist','validate':{'required':true},"
                + "'values':[{'label':'Un','value':'ONE'},{'label':'Deux','value':'TWO'},{'label':'Trois','value':'THREE'}]}]");
    assertThat(json(submit(schema, params("items", "THREE", "items", "ONE")).outcome().variables()))
        .isEqualTo(json("{'items': ['ONE', 'THREE']}"));
    assertThat(errors(submit(schema, params()))).containsExactly("Cochez au moins une option.");
    // imported values that are not options are dropped, as form-js does
    FormView view = FORMS.open(schema, vars("{'items': ['TWO', 'FOUR']}"));
    assertThat(find(view, "f-l").getOptions())
        .extracting(ComponentView.OptionView::id, ComponentView.OptionView::checked)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("f-l-0", false),
            org.assertj.core.groups.Tuple.tuple("f-l-1", true),
            org.assertj.core.groups.Tuple.tuple("f-l-2", false));
  }

  @Test
  void shouldTakeOptionsFromAVariableOrAnExpression() {
    FormSchema schema =
        components(
            "[{'id':'s','key':'site','label':'Site','type':'select','valuesKey':'sites'},"
                + "{'id':'r','key':'level','label':'Niveau','type':'radio','valuesExpression':'=levels'},"
                + "{'id':'t','key':'tags','label':'Étiquettes','type':'taglist','valuesKey':'tagChoices'}]");
    Map<String, Object> variables =
        vars(
            "{'sites': [{'label':'Rouen','value':'ROU'},{'label':'Évreux','value':'EVR'}],"
                + " 'levels': [1, 2, 3], 'tagChoices': ['rouge', 'vert']}");
    FormView view = FORMS.open(schema, variables);
    assertThat(find(view, "f-s").getOptions())
        .extracting(ComponentView.OptionView::label)
        .containsExactly("Rouen", "Évreux");
    assertThat(find(view, "f-r").getOptions())
        .extracting(ComponentView.OptionView::value)
        .containsExactly("1", "2", "3");

    // an option's value keeps its type (a number stays a number)
    assertThat(
            json(
                submit(schema, params("site", "EVR", "level", "2", "tags", "vert"), variables)
                    .outcome()
                    .variables()))
        .isEqualTo(json("{'site': 'EVR', 'level': 2, 'tags': ['vert']}"));
    assertThat(errors(submit(schema, params("site", "PARIS"), variables)))
        .containsExactly("Choisissez une des options proposées.");
  }

  @Test
  void shouldSubmitDatesAndTimesAsFormJsSerializesThem() {
    FormSchema schema =
        components(
            "[{'id':'d','key':'day','type':'datetime','subtype':'date','dateLabel':'Jour'},"
                + "{'id':'t','key':'at','type':'datetime','subtype':'time','timeLabel':'Heure'},"
                + "{'id':'tu','key':'atUtc','type':'datetime','subtype':'time','timeLabel':'Heure UTC','timeSerializingFormat':'utc_normalized'},"
                + "{'id':'tn','key':'atLocal','type':'datetime','subtype':'time','timeLabel':'Heure locale','timeSerializingFormat':'no_timezone'},"
                + "{'id':'dt','key':'when','label':'Rendez-vous','type':'datetime','subtype':'datetime','dateLabel':'Date','timeLabel':'Heure'},"
                + "{'id':'ds','key':'summer','label':'Été','type':'datetime','subtype':'datetime','timeSerializingFormat':'utc_normalized'}]");

    Submission submission =
        submit(
            schema,
            params(
                "day",
                "14/03/2025",
                "at",
                "13:30",
                "atUtc",
                "13:30",
                "atLocal",
                "13:30",
                "when",
                "2025-03-14",
                "when" + FormState.TIME_SUFFIX,
                "09:05",
                "summer",
                "2025-07-01",
                "summer" + FormState.TIME_SUFFIX,
                "14:00"));
    // Paris is UTC+1 on 12 March 2025 (the clock) and UTC+2 on 1 July
    assertThat(json(submission.outcome().variables()))
        .isEqualTo(
            json(
                "{'day': '2025-03-14', 'at': '13:30+01:00', 'atUtc': '12:30Z', 'atLocal': '13:30',"
                    + " 'when': '2025-03-14T09:05+01:00', 'summer': '2025-07-01T12:00Z'}"));

    FormView view =
        FORMS.open(schema, vars("{'when': '2025-07-01T12:00Z', 'at': '12:30Z', 'day': 'hier'}"));
    ComponentView when = find(view, "f-dt");
    assertThat(when.getKind()).isEqualTo("datetime");
    assertThat(when.getValue()).isEqualTo("2025-07-01");
    assertThat(when.getTimeValue()).isEqualTo("14:00");
    assertThat(when.getDateLabel()).isEqualTo("Date");
    assertThat(find(view, "f-t").getValue()).isEqualTo("13:30");
    assertThat(find(view, "f-d").getValue()).isEmpty();
    assertThat(find(view, "f-d").getLabel()).isEqualTo("Jour");

    assertThat(errors(submit(schema, params("when", "2025-03-14", "at", "25:00"))))
        .containsExactly(
            "Saisissez une heure valide, au format hh:mm.", "Saisissez la date et l'heure.");
  }

  @Test
  void shouldNestValuesUnderGroupPathsAndDottedKeys() {
    FormSchema schema =
        components(
            "[{'id':'g','type':'group','label':'Rapport','path':'report','components':["
                + "{'id':'t','key':'tool.name','label':'Outil','type':'textfield'},"
                + "{'id':'g2','type':'group','label':'Sans chemin','components':[{'id':'v','key':'version','label':'Version','type':'textfield'}]}]},"
                + "{'id':'top','key':'a.b.c','label':'Profond','type':'number'}]");
    FormView view =
        FORMS.open(schema, vars("{'report': {'tool': {'name': 'Blancco'}}, 'a': {'b': {'c': 3}}}"));
    assertThat(find(view, "f-t").getName()).isEqualTo("report.tool.name");
    assertThat(find(view, "f-t").getValue()).isEqualTo("Blancco");
    assertThat(find(view, "f-g").getLabel()).isEqualTo("Rapport");
    assertThat(
            json(
                submit(schema, params("report.tool.name", "X", "report.version", "7", "a.b.c", "4"))
                    .outcome()
                    .variables()))
        .isEqualTo(
            json("{'report': {'tool': {'name': 'X'}, 'version': '7'}, 'a': {'b': {'c': 4}}}"));
  }

  static final String LIST =
      "[{'id':'list','type':'dynamiclist','label':'Supports','path':'drives','isRepeating':true,"
          + "'allowAddRemove':true,'defaultRepetitions':2,'components':["
          + "{'id':'serial','key':'serial','label':'Numéro','type':'textfield','validate':{'required':true}},"
          + "{'id':'level','key':'level','label':'Niveau','type':'textfield','readonly':true},"
          + "{'id':'ok','key':'ok','label':'Vérifié','type':'checkbox','defaultValue':true}]}]";

  @Test
  void shouldStartAListWithItsDefaultRepetitionsOrTheVariablesRows() {
    FormSchema schema = components(LIST);
    FormView empty = FORMS.open(schema, Map.of());
    ComponentView list = find(empty, "f-list");
    assertThat(list.getRows()).hasSize(2);
    assertThat(list.getRows().get(1).marker()).isEqualTo("drives[1]._row");
    assertThat(list.getRows().get(1).source()).isEmpty();
    assertThat(list.getRows().get(1).removeLabel())
        .isEqualTo("Supprimer la ligne 2 de « Supports »");
    assertThat(list.getTemplate().marker()).isEqualTo("drives[__i__]._row");
    assertThat(list.getTemplate().children().get(0).getId()).isEqualTo("f-serial-__i__");
    assertThat(list.getTemplate().children().get(0).getName()).isEqualTo("drives[__i__].serial");
    assertThat(list.getAddLabel()).isEqualTo("Ajouter une ligne à « Supports »");

    FormView filled =
        FORMS.open(schema, vars("{'drives': [{'serial': 'A', 'level': 'PURGE', 'extra': 1}]}"));
    assertThat(find(filled, "f-list").getRows()).hasSize(1);
    assertThat(find(filled, "f-serial-0").getValue()).isEqualTo("A");
    assertThat(find(filled, "f-ok-0").getValue()).isEqualTo("true");
  }

  @Test
  void shouldRenumberRowsAndKeepReadOnlyValuesWithTheirRow() {
    FormSchema schema = components(LIST);
    Map<String, Object> variables =
        vars(
            "{'drives': [{'serial':'A','level':'CLEAR'},{'serial':'B','level':'PURGE'},{'serial':'C','level':'DESTROY'}]}");
    // the browser removed the first row (index 0) and added one (index 7)
    Submission submission =
        submit(
            schema,
            params(
                "drives[1]._row",
                "1",
                "drives[1]._src",
                "1",
                "drives[1].serial",
                "B2",
                "drives[1].level",
                "HACKED",
                "drives[2]._row",
                "1",
                "drives[2]._src",
                "2",
                "drives[2].serial",
                "C2",
                "drives[7]._row",
                "1",
                "drives[7]._src",
                "",
                "drives[7].serial",
                "NEW",
                "drives[7].ok",
                "true"),
            variables);
    assertThat(json(submission.outcome().variables()))
        .isEqualTo(
            json(
                "{'drives': [{'serial':'B2','level':'PURGE','ok':false},{'serial':'C2','level':'DESTROY','ok':false},"
                    + "{'serial':'NEW','level':'','ok':true}]}"));
    assertThat(find(submission.view(), "f-serial-2").getValue()).isEqualTo("NEW");
    assertThat(find(submission.view(), "f-list").getRows().get(0).source()).isEqualTo("1");
  }

  @Test
  void shouldAddAndRemoveRowsWithoutJavaScriptKeepingTheTypedValues() {
    FormSchema schema = components(LIST);
    Map<String, String[]> typed =
        params(
            "drives[0]._row",
            "1",
            "drives[0]._src",
            "",
            "drives[0].serial",
            "A",
            "drives[1]._row",
            "1",
            "drives[1]._src",
            "",
            "drives[1].serial",
            "B");

    Submission added = FORMS.submit(schema, typed, "add:drives", Map.of());
    assertThat(added.rowAction()).isTrue();
    assertThat(added.completes()).isFalse();
    assertThat(added.view().errors()).isEmpty();
    ComponentView list = find(added.view(), "f-list");
    assertThat(list.getRows()).hasSize(3);
    assertThat(find(added.view(), "f-serial-1").getValue()).isEqualTo("B");
    assertThat(find(added.view(), "f-serial-2").getValue()).isEmpty();
    assertThat(find(added.view(), "f-ok-2").getValue()).isEqualTo("true");

    Submission removed = FORMS.submit(schema, typed, "remove:drives:0", Map.of());
    assertThat(find(removed.view(), "f-list").getRows()).hasSize(1);
    assertThat(find(removed.view(), "f-serial-0").getValue()).isEqualTo("B");
  }

  @Test
  void shouldValidateEveryRowAndSubmitAnEmptyListWhenAllRowsAreRemoved() {
    FormSchema schema = components(LIST);
    Submission missing =
        submit(
            schema,
            params(
                "drives[0]._row",
                "1",
                "drives[0].serial",
                "",
                "drives[1]._row",
                "1",
                "drives[1].serial",
                "X"));
    assertThat(missing.outcome().errors())
        .extracting(FieldError::inputId, FieldError::label)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("f-serial-0", "Numéro (Supports, ligne 1)"));
    assertThat(
            json(
                submit(schema, params(), vars("{'drives': [{'serial':'A'}]}"))
                    .outcome()
                    .variables()))
        .isEqualTo(json("{'drives': []}"));
  }

  @Test
  void shouldOfferNoRowButtonsWhenRowsCannotBeAddedOrRemoved() {
    FormSchema schema =
        components(
            "[{'id':'list','type':'dynamiclist','label':'Critères','path':'review','allowAddRemove':false,"
                + "'defaultRepetitions':0,'components':[{'id':'c','key':'code','label':'Code','type':'textfield','readonly':true},"
                + "{'id':'d','key':'decision','label':'Décision','type':'radio','values':[{'label':'Oui','value':'Y'}]}]}]");
    FormView view = FORMS.open(schema, vars("{'review': [{'code':'C1'},{'code':'C2'}]}"));
    ComponentView list = find(view, "f-list");
    assertThat(list.isAddRemove()).isFalse();
    assertThat(list.getTemplate()).isNull();
    assertThat(find(view, "f-c-1").getValue()).isEqualTo("C2");
    assertThat(FORMS.open(schema, Map.of()).components().get(0).getRows()).isEmpty();
  }

  @Test
  void shouldRenderTextsSeparatorsAndSpacers() {
    FormSchema schema =
        components(
            "[{'id':'t','type':'text','text':'# Titre\\n{{who}} a **{{n}}** postes'},{'id':'s','type':'separator'},"
                + "{'id':'sp','type':'spacer','height':30},{'id':'e','type':'text','text':'=\\\"Total : \\\" + string(n * 2)'}]");
    FormView view = FORMS.open(schema, vars("{'who': 'Le <CHU>', 'n': 4}"));
    assertThat(find(view, "f-t").getHtml())
        .isEqualTo("<h2>Titre</h2>\n<p>Le &lt;CHU&gt; a <strong>4</strong> postes</p>\n");
    assertThat(find(view, "f-s").getKind()).isEqualTo("separator");
    assertThat(find(view, "f-sp").getHeight()).isEqualTo("30px");
    assertThat(find(view, "f-e").getHtml()).isEqualTo("<p>Total : 8</p>\n");
  }

  @Test
  void shouldSayWhenAComponentIsNotSupportedAndKeepItsValue() {
    // given a form deployed elsewhere with custom components (form-js lets extensions add types)
    FormSchema schema =
        components(
            "[{'id':'f','key':'signature','label':'Signature','type':'signature'},"
                + "{'id':'x','key':'stamp','label':'Tampon','type':'stamp','validate':{'required':true}},"
                + "{'id':'i','type':'barcode','source':'logo.png'}]");

    // when it is opened and submitted
    FormView view = FORMS.open(schema, vars("{'signature': 'sig-1'}"));
    Submission submission = submit(schema, params(), vars("{'signature': 'sig-1'}"));

    // then each unknown component says so, and the value it names is kept as it is
    ComponentView file = find(view, "f-f");
    assertThat(file.getKind()).isEqualTo("unsupported");
    assertThat(file.getType()).isEqualTo("signature");
    assertThat(file.getValue()).isEqualTo("sig-1");
    assertThat(find(view, "f-i").getKind()).isEqualTo("unsupported");
    assertThat(json(submission.outcome().variables())).isEqualTo(json("{'signature': 'sig-1'}"));
    assertThat(errors(submission))
        .containsExactly(
            "Ce champ obligatoire est d'un type que la boîte de tâches ne sait pas saisir : terminez"
                + " cette tâche dans Tasklist.");
  }

  @Test
  void shouldNotSubmitDisabledFields() {
    FormSchema schema =
        components(
            "[{'id':'a','key':'a','label':'A','type':'textfield','disabled':true,'validate':{'required':true}},"
                + "{'id':'b','key':'b','label':'B','type':'textfield','readonly':'=locked'}]");
    Submission submission =
        submit(
            schema,
            params("a", "typed", "b", "typed"),
            vars("{'a': 'kept', 'b': 'orig', 'locked': true}"));
    assertThat(submission.outcome().errors()).isEmpty();
    assertThat(json(submission.outcome().variables())).isEqualTo(json("{'b': 'orig'}"));
    assertThat(find(FORMS.open(schema, vars("{'a': 'kept'}")), "f-a").getValue()).isEqualTo("kept");
  }

  @Test
  void shouldValidateEmailsPhonesAndPatterns() {
    FormSchema schema =
        components(
            "[{'id':'e','key':'email','label':'Courriel','type':'textfield','validate':{'validationType':'email'}},"
                + "{'id':'p','key':'phone','label':'Téléphone','type':'textfield','validate':{'validationType':'phone'}},"
                + "{'id':'c','key':'code','label':'Code','type':'textfield','validate':{'pattern':'[0-9]{3}'}}]");
    assertThat(
            errors(
                submit(
                    schema,
                    params("email", "jean.chu.fr", "phone", "02 35 00 00 00", "code", "ab"))))
        .containsExactly(
            "Saisissez une adresse électronique valide, par exemple prenom.nom@chu.fr.",
            "Saisissez un numéro de téléphone international, sans espace, par exemple +33123456789.",
            "Le format saisi n'est pas celui attendu.");
    // a pattern matches anywhere, as JavaScript's RegExp.test does
    assertThat(
            errors(
                submit(
                    schema,
                    params(
                        "email",
                        "jean.martin@chu-rouen.fr",
                        "phone",
                        "+33235000000",
                        "code",
                        "n°123"))))
        .isEmpty();
  }
}
