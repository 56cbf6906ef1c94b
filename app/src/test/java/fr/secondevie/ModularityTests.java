package fr.secondevie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/** The feature modules respect their boundaries; their documentation is generated. */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(SecondeVieApplication.class);

  /**
   * The modules whose API is named: a type other modules (or their tests) use carries
   * {@code @NamedInterface("api")}; every other type is package-private unless another package of
   * the same module needs it, or the Camunda client invokes it (job workers).
   */
  static final List<String> NAMED_API_MODULES =
      List.of(
          "campaigns",
          "common",
          "documents",
          "donation",
          "inventory",
          "notification",
          "processes",
          "reconditioning",
          "routing",
          "sanitization",
          "security",
          "suppliers");

  /** Modules nothing else uses: they declare no API at all. */
  static final List<String> MODULES_WITHOUT_API = List.of("recycling", "web");

  private static final String JOB_WORKER = "io.camunda.client.annotation.JobWorker";

  /**
   * Public for a sibling package that names them only as a type argument of a local variable, which
   * the bytecode does not keep.
   */
  private static final Set<String> USED_ONLY_AS_TYPE_ARGUMENTS =
      Set.of("fr.secondevie.suppliers.Evidence");

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

  static Stream<String> namedApiModules() {
    return NAMED_API_MODULES.stream();
  }

  static Stream<String> modulesWithoutApi() {
    return MODULES_WITHOUT_API.stream();
  }

  @ParameterizedTest
  @MethodSource("namedApiModules")
  void shouldDeclareItsApiAsANamedInterface(String name) {
    // given
    ApplicationModule module = MODULES.getModuleByName(name).orElseThrow();

    // when
    var api = module.getNamedInterfaces().getByName("api");

    // then
    assertThat(api).as("named interface 'api' of %s", name).isPresent();
    assertThat(api.orElseThrow().asJavaClasses()).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("modulesWithoutApi")
  void shouldDeclareNoApiWhenNoOtherModuleUsesIt(String name) {
    // given
    ApplicationModule module = MODULES.getModuleByName(name).orElseThrow();

    // when
    boolean named = module.getNamedInterfaces().hasExplicitInterfaces();

    // then
    assertThat(named).as("%s declares a named interface", name).isFalse();
  }

  @Test
  void shouldReachTheNamedModulesOnlyThroughTheirApi() {
    // given
    ApplicationModules modules = MODULES;

    // when
    List<String> outsideTheApi = dependenciesOutsideTheApi(modules, allNamedModules().toList());

    // then
    assertThat(outsideTheApi).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("allNamedModules")
  void shouldKeepPackagePrivateWhatIsNotItsApi(String name) {
    // given
    ApplicationModule module = MODULES.getModuleByName(name).orElseThrow();

    // when
    List<String> publicByAccident = publicOutsideTheApi(module);

    // then
    assertThat(publicByAccident).as("public types of %s outside its API", name).isEmpty();
  }

  @Test
  void shouldReportADependencyOnAPublicTypeOutsideTheApi() {
    // given: module tracking uses shipping's API (Parcel) and a public type outside it
    // (ParcelWeight) (test fixture)
    ApplicationModules fixture =
        ApplicationModules.of("fr.secondevie.support.apifixture", location -> true);

    // when
    List<String> outsideTheApi = dependenciesOutsideTheApi(fixture, List.of("shipping"));

    // then
    assertThat(outsideTheApi)
        .containsExactly(
            "fr.secondevie.support.apifixture.tracking.Tracker ->"
                + " fr.secondevie.support.apifixture.shipping.ParcelWeight");
  }

  @Test
  void shouldReportAPublicTypeThatIsNeitherApiNorUsedBySiblingPackages() {
    // given: shipping's ParcelWeight is public and outside its API (test fixture)
    ApplicationModules fixture =
        ApplicationModules.of("fr.secondevie.support.apifixture", location -> true);
    ApplicationModule shipping = fixture.getModuleByName("shipping").orElseThrow();

    // when
    List<String> publicByAccident = publicOutsideTheApi(shipping);

    // then
    assertThat(publicByAccident)
        .containsExactly("fr.secondevie.support.apifixture.shipping.ParcelWeight");
  }

  static Stream<String> allNamedModules() {
    return Stream.concat(NAMED_API_MODULES.stream(), MODULES_WITHOUT_API.stream());
  }

  /** Every dependency, as "source -> target", on a type of the given modules outside their API. */
  private static List<String> dependenciesOutsideTheApi(
      ApplicationModules modules, List<String> namedModules) {
    return modules.stream()
        .flatMap(module -> module.getDirectDependencies(modules).stream())
        .filter(
            dependency -> {
              ApplicationModule target = dependency.getTargetModule();
              return namedModules.contains(target.getIdentifier().toString())
                  && !target
                      .getNamedInterfaces()
                      .containsInExplicitInterface(dependency.getTargetType());
            })
        .map(d -> d.getSourceType().getName() + " -> " + d.getTargetType().getName())
        .distinct()
        .toList();
  }

  /**
   * The module's public top-level types that are neither in a named interface, nor used from
   * another package of the module, nor job workers (which the Camunda client invokes by
   * reflection).
   */
  private static List<String> publicOutsideTheApi(ApplicationModule module) {
    Set<JavaClass> usedFromAnotherPackageOfTheModule = new HashSet<>();
    module.getBasePackage().stream()
        .forEach(
            origin ->
                origin.getDirectDependenciesFromSelf().stream()
                    .map(dependency -> dependency.getTargetClass())
                    .filter(module::contains)
                    .filter(target -> !target.getPackageName().equals(origin.getPackageName()))
                    .forEach(target -> usedFromAnotherPackageOfTheModule.add(topLevel(target))));
    return module.getBasePackage().stream()
        .filter(JavaClass::isTopLevelClass)
        .filter(type -> !type.getSimpleName().equals("package-info"))
        .filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC))
        .filter(type -> !module.getNamedInterfaces().containsInExplicitInterface(type))
        .filter(type -> !usedFromAnotherPackageOfTheModule.contains(type))
        .filter(type -> !USED_ONLY_AS_TYPE_ARGUMENTS.contains(type.getName()))
        .filter(type -> type.getMethods().stream().noneMatch(m -> m.isAnnotatedWith(JOB_WORKER)))
        .map(JavaClass::getName)
        .sorted()
        .toList();
  }

  private static JavaClass topLevel(JavaClass type) {
    JavaClass top = type;
    while (top.getEnclosingClass().isPresent()) {
      top = top.getEnclosingClass().get();
    }
    return top;
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
