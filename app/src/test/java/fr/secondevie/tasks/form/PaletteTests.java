package fr.secondevie.tasks.form;

import static fr.secondevie.tasks.form.FormFixtures.CLOCK;
import static fr.secondevie.tasks.form.FormFixtures.EXPRESSIONS;
import static fr.secondevie.tasks.form.FormFixtures.FORMS;
import static fr.secondevie.tasks.form.FormFixtures.all;
import static fr.secondevie.tasks.form.FormFixtures.browser;
import static fr.secondevie.tasks.form.FormFixtures.components;
import static fr.secondevie.tasks.form.FormFixtures.find;
import static fr.secondevie.tasks.form.FormFixtures.json;
import static fr.secondevie.tasks.form.FormFixtures.params;
import static fr.secondevie.tasks.form.FormFixtures.vars;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.tasks.form.ComponentView.DocumentView;
import fr.secondevie.tasks.form.ComponentView.TablePage;
import fr.secondevie.tasks.form.TaskForms.Submission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The components of Camunda 8.8's form-js palette beyond plain fields (expression, html, image,
 * table, button, file picker, document preview, iframe) and the columns layout, each in a form
 * written in the schema Modeler saves: rendered, then submitted.
 */
class PaletteTests {

  private static Submission submit(
      FormSchema schema, Map<String, String[]> params, Map<String, Object> variables) {
    return FORMS.submit(schema, params, null, variables);
  }

  private static List<String> errors(Submission submission) {
    return submission.outcome().errors().stream().map(FieldError::message).toList();
  }

  // expression ----------------------------------------------------------------------------------

  @Test
  void shouldComputeAnExpressionFieldAndSubmitItUnderItsKey() {
    // given two numbers and an expression on them, as Modeler saves it
    FormSchema schema =
        components(
            "[{'id':'a','key':'a','label':'A','type':'number'},"
                + "{'id':'b','key':'b','label':'B','type':'number'},"
                + "{'id':'t','key':'total','type':'expression','expression':'=a + b','computeOn':'change'},"
                + "{'id':'p','key':'summary','type':'expression','expression':'={n: total, ok: total > 10}','computeOn':'presubmit'}]");

    // when the form is submitted, with a forged value for the computed field
    Submission submission = submit(schema, params("a", "4", "b", "7,5", "total", "999"), Map.of());

    // then both are computed (the second sees the first), never taken from the request
    assertThat(submission.completes()).isTrue();
    assertThat(json(submission.outcome().variables()))
        .isEqualTo(json("{'a': 4, 'b': 7.5, 'total': 11.5, 'summary': {'n': 11.5, 'ok': true}}"));
    assertThat(find(submission.view(), "f-t").getKind()).isEqualTo("expression");
    assertThat(find(submission.view(), "f-t").getValue()).isNull();
  }

  @Test
  void shouldComputeExpressionsOfRowsOnTheirRowAndNotSubmitHiddenOnes() {
    // given rows with an amount computed on the row, and an expression hidden by a condition
    FormSchema schema =
        components(
            "[{'id':'l','type':'dynamiclist','label':'Lignes','path':'lines','isRepeating':true,'components':["
                + "{'id':'q','key':'qty','label':'Qté','type':'number'},"
                + "{'id':'pr','key':'price','label':'Prix','type':'number'},"
                + "{'id':'am','key':'amount','type':'expression','expression':'=this.qty * this.price','computeOn':'presubmit'}]},"
                + "{'id':'h','key':'secret','type':'expression','expression':'=42','conditional':{'hide':'=true'}}]");

    // when two rows are submitted
    Submission submission =
        submit(
            schema,
            params(
                "lines[0]._row",
                "1",
                "lines[0].qty",
                "2",
                "lines[0].price",
                "3",
                "lines[1]._row",
                "1",
                "lines[1].qty",
                "5",
                "lines[1].price",
                "1,5"),
            Map.of());

    // then each row has its amount, and the hidden expression is not submitted
    assertThat(json(submission.outcome().variables()))
        .isEqualTo(
            json(
                "{'lines': [{'qty': 2, 'price': 3, 'amount': 6},"
                    + " {'qty': 5, 'price': 1.5, 'amount': 7.5}]}"));
  }

  @Test
  void shouldRefuseToCompleteWhenAnExpressionCannotBeComputed() {
    // given an expression calling a function FEEL does not have
    FormSchema schema =
        components("[{'id':'x','key':'doubled','type':'expression','expression':'=twice([1,2])'}]");

    // when it is submitted
    Submission submission = submit(schema, params(), Map.of());

    // then the task is not completed without its value, and the field is named
    assertThat(submission.completes()).isFalse();
    assertThat(submission.outcome().errors())
        .extracting(FieldError::label)
        .containsExactly("doubled");
    assertThat(errors(submission).get(0)).contains("terminez cette tâche dans Tasklist");
  }

  // html ----------------------------------------------------------------------------------------

  @Test
  void shouldTemplateHtmlEscapingValuesThenSanitiseIt() {
    // given html with a template, a script, a handler, a javascript link and a style element
    FormSchema schema =
        components(
            "[{'id':'h','type':'html','content':'<h3>Poste {{name}}</h3><style>h3{color:red}</style>"
                + "<script>alert(1)</script><p onclick=\\\"steal()\\\">Voir <a href=\\\"https://intranet.chu.fr/a\\\">la fiche</a>"
                + " ou <a href=\\\"javascript:alert(1)\\\">ceci</a></p>'}]");

    // when it is rendered with a variable holding markup
    FormView view = FORMS.open(schema, vars("{'name': '<img src=x onerror=alert(1)>'}"));

    // then the variable is text, and only safe markup remains
    assertThat(find(view, "f-h").getHtml())
        .isEqualTo(
            "<h3>Poste &lt;img src=x onerror=alert(1)&gt;</h3>"
                + "<p>Voir <a href=\"https://intranet.chu.fr/a\" rel=\"noopener noreferrer\">la fiche</a>"
                + " ou <a rel=\"noopener noreferrer\">ceci</a></p>");
  }

  // image ---------------------------------------------------------------------------------------

  @Test
  void shouldShowImagesFromDataUrisAndAllowedHostsOnly() {
    // given images of every kind of source, alt texts templated
    FormSchema schema =
        components(
            "[{'id':'d','type':'image','source':'data:image/png;base64,iVBORw0KGgo=','alt':'Logo {{site}}'},"
                + "{'id':'ok','type':'image','source':'=\\\"https://intranet.chu.fr/photos/\\\" + photo','alt':'Photo'},"
                + "{'id':'far','type':'image','source':'https://tracker.example.com/pixel.png'},"
                + "{'id':'rel','type':'image','source':'logo.png'},"
                + "{'id':'html','type':'image','source':'data:text/html;base64,PGI+'},"
                + "{'id':'none','type':'image'}]");
    TaskForms forms =
        new TaskForms(CLOCK, EXPRESSIONS, ExternalHosts.of(List.of("intranet.chu.fr")));

    // when the form is opened
    FormView view = forms.open(schema, vars("{'site': 'Nord', 'photo': 'p1.jpg'}"));

    // then data: images and images of allowed hosts are shown, the others say why not
    assertThat(find(view, "f-d").getSource()).isEqualTo("data:image/png;base64,iVBORw0KGgo=");
    assertThat(find(view, "f-d").getLabel()).isEqualTo("Logo Nord");
    assertThat(find(view, "f-ok").getSource()).isEqualTo("https://intranet.chu.fr/photos/p1.jpg");
    assertThat(find(view, "f-far").getSource()).isNull();
    assertThat(find(view, "f-far").getNotice())
        .contains("tracker.example.com")
        .contains("liste des sites autorisés");
    assertThat(find(view, "f-rel").getSource()).isNull();
    assertThat(find(view, "f-html").getSource()).isNull();
    assertThat(find(view, "f-none").getNotice()).isEqualTo("Pas d'image à afficher.");
    assertThat(forms.hosts().cspSources(false)).isEqualTo(" https://intranet.chu.fr");
  }

  @Test
  void shouldRefuseAnAllowedHostThatIsNotAHostName() {
    // given the allow-list as an administrator may mistype it
    List<String> configured = List.of("intranet.chu.fr", "https://evil.example/");

    // when / then it is refused, naming the entry, instead of allowing something else
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExternalHosts.of(configured))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "secondevie.forms.allowed-hosts : « https://evil.example/ » n'est pas un nom d'hôte");
    assertThat(ExternalHosts.of(List.of(" Intranet.CHU.fr ", "")).hosts())
        .containsExactly("intranet.chu.fr");
  }

  // table ---------------------------------------------------------------------------------------

  @Test
  void shouldRenderTablesFromVariablesInPagesOfRowCount() {
    // given a table with static columns on a variable, and one whose columns are an expression
    FormSchema schema =
        components(
            "[{'id':'t','type':'table','label':'Disques','rowCount':2,'dataSource':'=drives',"
                + "'columns':[{'label':'Numéro de série','key':'serial'},{'label':'Taille','key':'size'},{'label':'Infos','key':'info'}]},"
                + "{'id':'c','type':'table','dataSource':'=drives','columnsExpression':'=cols'},"
                + "{'id':'e','type':'table','columns':[{'label':'A','key':'a'}]}]");

    // when it is rendered on three drives
    FormView view =
        FORMS.open(
            schema,
            vars(
                "{'drives': [{'serial': 'S1', 'size': 512, 'info': {'ssd': true}}, {'serial': 'S2'}, null,"
                    + " {'serial': 'S3', 'size': 1000}], 'cols': [{'label': 'N°', 'key': 'serial'}]}"));

    // then the rows come in pages of two, cells as form-js shows them
    ComponentView table = find(view, "f-t");
    assertThat(table.getLabel()).isEqualTo("Disques");
    assertThat(table.getHeaders()).containsExactly("Numéro de série", "Taille", "Infos");
    assertThat(table.getPages())
        .containsExactly(
            new TablePage(
                1, List.of(List.of("S1", "512", "{\"ssd\":true}"), List.of("S2", "", ""))),
            new TablePage(2, List.of(List.of("S3", "1000", ""))));
    assertThat(table.isPaged()).isTrue();
    assertThat(find(view, "f-c").getHeaders()).containsExactly("N°");
    assertThat(find(view, "f-c").getPages().get(0).rows())
        .containsExactly(List.of("S1"), List.of("S2"), List.of("S3"));
    assertThat(find(view, "f-e").getPages()).containsExactly(new TablePage(1, List.of()));
  }

  // button --------------------------------------------------------------------------------------

  @Test
  void shouldRenderSubmitAndResetButtons() {
    // given the two actions of a button
    FormSchema schema =
        components(
            "[{'id':'s','type':'button','label':'Valider {{what}}','action':'submit'},"
                + "{'id':'r','type':'button','label':'Effacer','action':'reset'},"
                + "{'id':'n','type':'button','label':'Plus tard','action':'submit','disabled':true}]");

    // when it is rendered
    FormView view = FORMS.open(schema, vars("{'what': 'le tri'}"));

    // then a submit button completes the task, a reset one restores the form
    assertThat(find(view, "f-s").getAction()).isEqualTo("submit");
    assertThat(find(view, "f-s").getLabel()).isEqualTo("Valider le tri");
    assertThat(find(view, "f-r").getAction()).isEqualTo("reset");
    assertThat(find(view, "f-n").isDisabled()).isTrue();
  }

  // iframe --------------------------------------------------------------------------------------

  @Test
  void shouldSandboxIframesOfAllowedHostsAndRefuseTheOthers() {
    // given iframes with form-js security options, on allowed and other hosts
    FormSchema schema =
        components(
            "[{'id':'a','type':'iframe','label':'Plan','url':'https://intranet.chu.fr/plan?site={{site}}',"
                + "'height':450,'security':{'allowScripts':true,'allowSameOrigin':true,'fullscreen':true}},"
                + "{'id':'b','type':'iframe','label':'Sans option','url':'https://intranet.chu.fr/doc'},"
                + "{'id':'c','type':'iframe','label':'Ailleurs','url':'https://example.org/'},"
                + "{'id':'d','type':'iframe','label':'En clair','url':'http://intranet.chu.fr/'}]");
    TaskForms forms =
        new TaskForms(CLOCK, EXPRESSIONS, ExternalHosts.of(List.of("intranet.chu.fr")));

    // when it is rendered
    FormView view = forms.open(schema, vars("{'site': 'Nord'}"));

    // then allowed iframes are sandboxed with exactly their options; the others say why not
    ComponentView plan = find(view, "f-a");
    assertThat(plan.getSource()).isEqualTo("https://intranet.chu.fr/plan?site=Nord");
    assertThat(plan.getSandbox()).isEqualTo("allow-scripts allow-same-origin");
    assertThat(plan.getAllow()).isEqualTo("fullscreen");
    assertThat(plan.getHeight()).isEqualTo("450");
    assertThat(find(view, "f-b").getSandbox()).isEmpty();
    assertThat(find(view, "f-b").getHeight()).isEqualTo("300");
    assertThat(find(view, "f-c").getSource()).isNull();
    assertThat(find(view, "f-c").getNotice())
        .isEqualTo(
            "Contenu externe non affiché : le site « example.org » n'est pas dans la liste des"
                + " sites autorisés.");
    assertThat(find(view, "f-d").getSource()).isNull();
    assertThat(find(view, "f-d").getNotice()).contains("https");
    // with no host configured (the default), nothing is framed
    assertThat(find(FORMS.open(schema, vars("{'site': 'Nord'}")), "f-a").getSource()).isNull();
  }

  // document preview ----------------------------------------------------------------------------

  @Test
  void shouldListTheDocumentsOfAVariableInADocumentPreview() {
    // given a preview of a variable holding document references (ours, another store's, junk)
    FormSchema schema =
        components(
            "[{'id':'p','type':'documentPreview','label':'Pièces','dataSource':'=evidence'},"
                + "{'id':'e','type':'documentPreview','label':'Vide','dataSource':'=missing'}]");
    Map<String, Object> ours =
        DocumentReferences.of("doc-1", "rapport.pdf", "application/pdf", 1234, "ab12");
    Map<String, Object> photo =
        DocumentReferences.of("doc-2", "photo.png", "image/png", 99, "cd34");
    Map<String, Object> theirs =
        Map.of(
            "camunda.document.type", "camunda",
            "storeId", "gcp",
            "documentId", "x-9",
            "metadata", Map.of("fileName", "devis.pdf", "contentType", "application/pdf"));

    // when it is rendered
    FormView view =
        FORMS.open(schema, Map.of("evidence", List.of(ours, photo, theirs, Map.of("a", 1))));

    // then each reference is listed, ours to open, the other store's only named
    assertThat(find(view, "f-p").getDocuments())
        .containsExactly(
            new DocumentView("doc-1", "rapport.pdf", "application/pdf", true),
            new DocumentView("doc-2", "photo.png", "image/png", true),
            new DocumentView("x-9", "devis.pdf", "application/pdf", false));
    assertThat(find(view, "f-p").getDocuments().get(1).isImage()).isTrue();
    assertThat(find(view, "f-e").getNotice()).isEqualTo("Aucun document.");
  }

  // file picker ---------------------------------------------------------------------------------

  @Test
  void shouldSubmitTheReferencesOfUploadedFilesUnderTheFilePickerKey() {
    // given a required file picker taking several files
    FormSchema schema =
        components(
            "[{'id':'f','key':'evidence','label':'Justificatifs','type':'filepicker','multiple':true,"
                + "'accept':'.pdf,.png','validate':{'required':true}}]");
    Map<String, Object> first =
        DocumentReferences.of("doc-1", "pv.pdf", "application/pdf", 2048, "aa11");
    Map<String, Object> second =
        DocumentReferences.of("doc-2", "photo.png", "image/png", 512, "bb22");

    // when it is submitted without a file, then with two files the store kept
    Submission empty = submit(schema, params(), Map.of());
    Submission uploaded =
        FORMS.submit(
            schema,
            params(),
            null,
            Map.of(),
            new Uploads(Map.of("evidence", List.of(first, second)), Map.of(), Map.of()));

    // then a file is required, and the variable holds the Camunda document references
    assertThat(errors(empty)).containsExactly("Joignez un fichier.");
    assertThat(uploaded.completes()).isTrue();
    assertThat(json(uploaded.outcome().variables()))
        .isEqualTo(
            json(
                "{'evidence': [{'camunda.document.type': 'camunda', 'storeId': 'secondevie',"
                    + " 'documentId': 'doc-1', 'contentHash': 'aa11', 'metadata': {'contentType':"
                    + " 'application/pdf', 'fileName': 'pv.pdf', 'size': 2048, 'customProperties': {}}},"
                    + " {'camunda.document.type': 'camunda', 'storeId': 'secondevie', 'documentId':"
                    + " 'doc-2', 'contentHash': 'bb22', 'metadata': {'contentType': 'image/png',"
                    + " 'fileName': 'photo.png', 'size': 512, 'customProperties': {}}}]}"));
    ComponentView picker = find(uploaded.view(), "f-f");
    assertThat(picker.isMultiple()).isTrue();
    assertThat(picker.getAccept()).isEqualTo(".pdf,.png");
    assertThat(picker.getDocumentIds()).containsExactly("doc-1", "doc-2");
  }

  @Test
  void shouldKeepFilesAcrossARefusedCompletionAndTheVariablesFiles() {
    // given a file picker next to a required field, and a task whose variable holds a document
    FormSchema schema =
        components(
            "[{'id':'f','key':'evidence','label':'Justificatif','type':'filepicker'},"
                + "{'id':'n','key':'note','label':'Note','type':'textfield','validate':{'required':true}}]");
    Map<String, Object> earlier =
        DocumentReferences.of("doc-7", "pv.pdf", "application/pdf", 10, "ee77");
    Map<String, Object> existing =
        DocumentReferences.of("doc-3", "ancien.pdf", "application/pdf", 20, "ff33");

    // when the form comes back with the file uploaded before, and again with a forged id
    FormView opened = FORMS.open(schema, Map.of("evidence", List.of(existing)));
    Submission kept =
        FORMS.submit(
            schema,
            params("evidence__kept", "doc-7", "note", "vu"),
            null,
            Map.of(),
            new Uploads(Map.of(), Map.of("doc-7", earlier), Map.of()));
    Submission untouched =
        FORMS.submit(
            schema, browser(opened), null, Map.of("evidence", List.of(existing)), Uploads.none());
    Submission forged =
        FORMS.submit(
            schema,
            params("evidence__kept", "doc-999", "note", "vu"),
            null,
            Map.of(),
            Uploads.none());
    Submission refused =
        FORMS.submit(
            schema,
            params("note", "vu"),
            null,
            Map.of(),
            new Uploads(
                Map.of(), Map.of(), Map.of("evidence", "Le fichier « a.exe » est refusé.")));

    // then kept and variable files are submitted again; unknown ids and refused files are errors
    assertThat(find(opened, "f-f").getDocumentIds()).containsExactly("doc-3");
    assertThat(json(kept.outcome().variables()).get("evidence").get(0).get("documentId").asText())
        .isEqualTo("doc-7");
    assertThat(errors(untouched)).containsExactly("Ce champ est obligatoire.");
    assertThat(
            json(untouched.outcome().variables()).get("evidence").get(0).get("documentId").asText())
        .isEqualTo("doc-3");
    assertThat(errors(forged))
        .containsExactly("Un fichier joint n'est plus disponible : joignez-le de nouveau.");
    assertThat(errors(refused)).containsExactly("Le fichier « a.exe » est refusé.");
  }

  @Test
  void shouldAcceptFilesOnlyUnderTheNamesOfFilePickers() {
    // given file pickers at the root, in a group with a path, and in a list
    FormSchema schema =
        components(
            "[{'id':'f','key':'evidence','type':'filepicker'},"
                + "{'id':'g','type':'group','path':'wipe','components':[{'id':'r','key':'report','type':'filepicker'}]},"
                + "{'id':'l','type':'dynamiclist','path':'drives','isRepeating':true,'components':["
                + "{'id':'p','key':'photo','type':'filepicker'},{'id':'s','key':'serial','type':'textfield'}]}]");

    // then a part is taken only when it names one of them
    assertThat(schema.hasFilePicker()).isTrue();
    assertThat(schema.takesFiles("evidence")).isTrue();
    assertThat(schema.takesFiles("wipe.report")).isTrue();
    assertThat(schema.takesFiles("drives[3].photo")).isTrue();
    assertThat(schema.takesFiles("drives[3].serial")).isFalse();
    assertThat(schema.takesFiles("report")).isFalse();
    assertThat(schema.takesFiles("other")).isFalse();
  }

  // layout --------------------------------------------------------------------------------------

  @Test
  void shouldLayOutComponentsSharingARowSideBySide() {
    // given components placed by Modeler in rows of the 16-column grid
    FormSchema schema =
        components(
            "[{'id':'a','key':'a','label':'A','type':'textfield','layout':{'row':'Row_1','columns':10}},"
                + "{'id':'b','key':'b','label':'B','type':'textfield','layout':{'row':'Row_1','columns':null}},"
                + "{'id':'c','key':'c','label':'C','type':'textfield','layout':{'row':'Row_2','columns':null}},"
                + "{'id':'d','key':'d','label':'D','type':'textfield','layout':{'row':'Row_1','columns':6}}]");

    // when it is rendered and submitted as a browser would
    FormView view = FORMS.open(schema, vars("{'a': '1', 'b': '2', 'c': '3', 'd': '4'}"));
    Submission submission = submit(schema, browser(view), Map.of());

    // then Row_1 holds a, b, d (form-js groups by row), c is alone; every value is submitted
    assertThat(view.components())
        .extracting(ComponentView::getKind)
        .containsExactly("layout", "textfield");
    assertThat(view.components().get(0).getChildren())
        .extracting(ComponentView::getId, ComponentView::getColumnClass)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("f-a", "form-col form-col-10"),
            org.assertj.core.groups.Tuple.tuple("f-b", "form-col"),
            org.assertj.core.groups.Tuple.tuple("f-d", "form-col form-col-6"));
    assertThat(all(view)).extracting(ComponentView::getId).contains("f-a", "f-b", "f-c", "f-d");
    assertThat(json(submission.outcome().variables()))
        .isEqualTo(json("{'a': '1', 'b': '2', 'c': '3', 'd': '4'}"));
  }

  @Test
  void shouldSupportEveryComponentOfTheCamunda88Palette() {
    // the palette of form-js 1.15 to 1.17 (Camunda 8.8), without the form itself ('default')
    assertThat(FormComponent.SUPPORTED)
        .isEqualTo(
            Set.of(
                "textfield",
                "textarea",
                "number",
                "datetime",
                "expression",
                "filepicker",
                "checkbox",
                "checklist",
                "radio",
                "select",
                "taglist",
                "text",
                "image",
                "table",
                "html",
                "documentPreview",
                "spacer",
                "separator",
                "group",
                "dynamiclist",
                "iframe",
                "button"));
  }
}
