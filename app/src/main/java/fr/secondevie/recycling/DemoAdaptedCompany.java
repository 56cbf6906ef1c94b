package fr.secondevie.recycling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Demo mode only (embedded): an empty registry receives one fictitious default adapted company with
 * small lots, so that a first run can carry a recycling through (never in Camunda mode; {@code
 * secondevie.demo.registries=false} turns it off in demo mode).
 */
@Component
@ConditionalOnExpression(
    "'${secondevie.mode:embedded}' == 'embedded' and ${secondevie.demo.enabled:false}"
        + " and ${secondevie.demo.registries:true}")
class DemoAdaptedCompany implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoAdaptedCompany.class);

  private final AdaptedCompanyRegistry registry;

  DemoAdaptedCompany(AdaptedCompanyRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!registry.companies().isEmpty()) {
      return;
    }
    registry.create(
        new CompanyForm(
            "Entreprise adaptée de démonstration",
            "98765432100015",
            CompanyType.EA,
            "Agrément de démonstration",
            "Éco-organisme de démonstration",
            "Contrat de démonstration",
            "demo-entreprise-adaptee@example.org",
            "Zone d'activité de démonstration, 76800 Saint-Étienne-du-Rouvray",
            10,
            true,
            true));
    LOG.info("Demo adapted company created (embedded mode)");
  }
}
