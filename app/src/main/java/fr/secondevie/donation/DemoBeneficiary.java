package fr.secondevie.donation;

import fr.secondevie.documents.PdfRenderer;
import fr.secondevie.inventory.AssetCategory;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Demo mode only (embedded): an empty registry receives one fictitious, eligible beneficiary with
 * an open request, so that a first run can carry a donation through (never in Camunda mode; {@code
 * secondevie.demo.registries=false} turns it off in demo mode).
 */
@Component
@ConditionalOnExpression(
    "'${secondevie.mode:embedded}' == 'embedded' and ${secondevie.demo.enabled:false}"
        + " and ${secondevie.demo.registries:true}")
class DemoBeneficiary implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoBeneficiary.class);

  private final BeneficiaryRegistry registry;
  private final PdfRenderer pdf;

  DemoBeneficiary(BeneficiaryRegistry registry, PdfRenderer pdf) {
    this.registry = registry;
    this.pdf = pdf;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!registry.beneficiaries().isEmpty()) {
      return;
    }
    Beneficiary demo =
        registry.create(
            new BeneficiaryForm(
                "Solidarité numérique (association de démonstration)",
                null,
                "W761000001",
                LegalCategory.GENERAL_INTEREST_PRECARITY,
                "1 place de la Démonstration, 76000 Rouen",
                "Contact de démonstration",
                "demo-association@example.org",
                "Statuts (document de démonstration)",
                LocalDate.of(2025, 1, 6),
                true),
            new BeneficiaryRegistry.Upload(
                "statuts-demonstration.pdf",
                pdf.render(
                    "demo-proof",
                    Map.of("title", "Statuts — association de démonstration (fictive)"))),
            "demo");
    registry.openRequest(
        demo.id(),
        new RequestForm(
            Set.of(AssetCategory.DESKTOP, AssetCategory.LAPTOP, AssetCategory.MONITOR),
            400,
            "Demande de démonstration"));
    LOG.info("Demo beneficiary with an open request created (embedded mode)");
  }
}
