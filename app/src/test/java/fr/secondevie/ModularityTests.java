package fr.secondevie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/** The feature modules respect their boundaries; their documentation is generated. */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(SecondeVieApplication.class);

  @Test
  void shouldFindTheFeatureModulesWithNoBoundaryCrossed() {
    // given
    ApplicationModules modules = MODULES;

    // when / then: the features, plus the engine and the embedded mode (same root package, other
    // Maven modules)
    assertThatCode(modules::verify).doesNotThrowAnyException();
    assertThat(modules.stream().map(ApplicationModule::getName))
        .containsExactlyInAnyOrder(
            "campaigns",
            "common",
            "console",
            "documents",
            "donation",
            "embedded",
            "engine",
            "indicators",
            "inventory",
            "models",
            "notification",
            "processes",
            "purchasing",
            "reconditioning",
            "recycling",
            "routing",
            "sanitization",
            "security",
            "suppliers",
            "tasks",
            "web");
  }

  @Test
  void shouldKeepTheInventoryFreeOfTheRoutesThatUseIt() {
    // given
    ApplicationModule inventory = MODULES.getModuleByName("inventory").orElseThrow();

    // when
    var dependencies =
        inventory.getDirectDependencies(MODULES).uniqueModules().map(ApplicationModule::getName);

    // then: the core of the inventory knows none of the routes built on it
    assertThat(dependencies)
        .doesNotContain("donation", "recycling", "reconditioning", "purchasing", "tasks");
  }

  @Test
  void shouldReportAModuleThatReachesIntoAnotherOnesInternals() {
    // given: module billing uses a type of orders.internal (test fixture)
    ApplicationModules fixture =
        ApplicationModules.of("fr.secondevie.support.modulithfixture", location -> true);

    // when / then
    assertThatThrownBy(fixture::verify)
        .isInstanceOf(Violations.class)
        .hasMessageContaining("billing")
        .hasMessageContaining("orders.internal.OrderLines");
  }

  @Test
  void shouldWriteTheModuleDocumentation() {
    // when
    new Documenter(MODULES).writeDocumentation();

    // then
    assertThat(java.nio.file.Path.of("target", "spring-modulith-docs", "components.puml")).exists();
  }
}
