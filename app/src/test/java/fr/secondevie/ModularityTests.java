package fr.secondevie;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The feature modules respect their boundaries; their documentation is generated. */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(SecondeVieApplication.class);

  @Test
  void verifiesModuleStructure() {
    MODULES.verify();
  }

  @Test
  void writesDocumentation() {
    new Documenter(MODULES).writeDocumentation();
  }
}
