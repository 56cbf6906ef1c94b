package fr.secondevie;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The application talks to the process runtime only through the Camunda client: it never imports
 * the embedded engine nor the embedded run mode (which it has on its runtime classpath only), never
 * evaluates DMN, and evaluates FEEL only in the task forms.
 */
@AnalyzeClasses(packages = "fr.secondevie", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  @ArchTest
  static final ArchRule appNeverImportsTheEngine =
      noClasses()
          .that()
          .resideInAPackage("fr.secondevie..")
          .and()
          .resideOutsideOfPackages("fr.secondevie.engine..", "fr.secondevie.embedded..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("fr.secondevie.engine..", "fr.secondevie.embedded..")
          .because("the app must run unchanged against a real Camunda cluster (DESIGN §2)");

  @ArchTest
  static final ArchRule appNeverEvaluatesDmnItself =
      noClasses()
          .that()
          .resideInAPackage("fr.secondevie..")
          .and()
          .resideOutsideOfPackages("fr.secondevie.engine..", "fr.secondevie.embedded..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.camunda.dmn..")
          .because(
              "decisions are evaluated by the process runtime (business rule tasks), so that the"
                  + " process owner's DMN is the only place rules live");

  @ArchTest
  static final ArchRule onlyFormsEvaluateFeel =
      noClasses()
          .that()
          .resideInAPackage("fr.secondevie..")
          .and()
          .resideOutsideOfPackages(
              "fr.secondevie.engine..", "fr.secondevie.embedded..", "fr.secondevie.tasks.form..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.camunda.feel..")
          .because(
              "rules live in the process runtime; the task forms only evaluate what a form shows"
                  + " and checks (as form-js does in the browser)");
}
