package fr.secondevie.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.secondevie.models.ModelChecker.ModelFile;
import fr.secondevie.models.ModelChecker.Problem;
import fr.secondevie.models.ModelChecker.Severity;
import fr.secondevie.tasks.form.FormComponent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Forms whose components the task inbox cannot render are refused at deployment, naming the
 * component and its type, instead of being shown half-rendered in the inbox.
 */
class FormComponentCheckTests {

  private static final ProcessContract CONTRACT = ProcessContract.ofApplication();

  private static ModelFile form(String name, String json) {
    return new ModelFile(name, json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldRefuseAFormWithAnUnknownComponentNamingItsIdAndType() {
    // given a form with a custom component nested in a group, and one without a type
    ModelFile form =
        form(
            "sign.form",
            "{'id':'sign-receipt','type':'default','schemaVersion':18,'components':["
                + "{'id':'name','key':'name','type':'textfield','label':'Nom'},"
                + "{'id':'box','type':'group','components':["
                + "{'id':'Field_sig','key':'signature','type':'signaturePad'}]},"
                + "{'id':'Field_blank','key':'x'}]}");

    // when it is checked for deployment
    List<Problem> problems = ModelChecker.check(CONTRACT, List.of(form));

    // then each is an error naming the form, the component and the type
    assertThat(ModelChecker.hasErrors(problems)).isTrue();
    assertThat(problems)
        .extracting(Problem::severity, Problem::file, Problem::elementId)
        .containsOnly(tuple(Severity.ERROR, "sign.form", "sign-receipt"));
    assertThat(problems)
        .extracting(Problem::message)
        .containsExactly(
            "composant « Field_sig » de type « signaturePad » inconnu : la boîte de tâches ne"
                + " l'afficherait pas (types pris en charge : ceux de la palette de Camunda 8.8)",
            "composant « Field_blank » sans type (champ « type »)");
  }

  @Test
  void shouldAcceptEveryComponentOfTheCamunda88Palette() {
    // given a form holding one component of each type of the palette, as Modeler saves them
    ModelFile form =
        form(
            "palette.form",
            "{'id':'palette','type':'default','schemaVersion':18,'components':["
                + "{'id':'f1','key':'t','type':'textfield'},{'id':'f2','key':'ta','type':'textarea'},"
                + "{'id':'f3','key':'n','type':'number'},{'id':'f4','key':'d','type':'datetime','subtype':'date'},"
                + "{'id':'f5','key':'e','type':'expression','expression':'=1','computeOn':'change'},"
                + "{'id':'f6','key':'files','type':'filepicker'},{'id':'f7','key':'c','type':'checkbox'},"
                + "{'id':'f8','key':'cl','type':'checklist'},{'id':'f9','key':'r','type':'radio'},"
                + "{'id':'f10','key':'s','type':'select'},{'id':'f11','key':'tl','type':'taglist'},"
                + "{'id':'f12','type':'text','text':'x'},{'id':'f13','type':'image'},"
                + "{'id':'f14','type':'table'},{'id':'f15','type':'html','content':''},"
                + "{'id':'f16','type':'documentPreview'},{'id':'f17','type':'spacer'},"
                + "{'id':'f18','type':'separator'},{'id':'f19','type':'iframe'},"
                + "{'id':'f20','type':'button','action':'submit'},"
                + "{'id':'f21','type':'group','components':[]},"
                + "{'id':'f22','type':'dynamiclist','path':'l','components':[]}]}");

    // when it is checked
    List<Problem> problems = ModelChecker.check(CONTRACT, List.of(form));

    // then nothing is refused, and the inbox renders exactly these types
    assertThat(problems).isEmpty();
    assertThat(FormChecks.FORM_COMPONENT_TYPES).isEqualTo(FormComponent.SUPPORTED);
  }
}
