package fr.secondevie.donation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.sanitization.CertificateService;
import fr.secondevie.sanitization.SanitizationPlanner;
import fr.secondevie.support.Assets;
import fr.secondevie.support.TestClock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A donation's page and the upload of its signed receipt. */
@SpringBootTest
@AutoConfigureMockMvc
class DonationPagesTests {

  static final RequestPostProcessor TECHNICIAN = user("technicien").roles("TECHNICIAN");
  static final RequestPostProcessor AUDITOR = user("auditeur").roles("AUDITOR");

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired BeneficiaryRegistry registry;
  @Autowired DonationAgreements agreements;
  @Autowired DonationHandovers handovers;
  @Autowired InventoryService inventory;
  @Autowired DocumentService documents;
  @Autowired SanitizationPlanner planner;
  @Autowired CertificateService certificates;
  @Autowired TestClock clock;

  Asset asset;
  Donation donation;

  @BeforeEach
  void anAgreedDonation() {
    DonationFixtures.clean(jdbc);
    DonationRequest request =
        DonationFixtures.openRequest(
            registry, "Restos", LegalCategory.PUBLIC_UTILITY_ASSOCIATION, 2, AssetCategory.DESKTOP);
    asset =
        new Assets(inventory, planner, certificates)
            .sanitizedThen(AssetCategory.DESKTOP, AssetStatus.DONATION_PENDING, "S1");
    agreements.prepareAgreement(asset.id(), request.id(), null, null, "op-" + System.nanoTime());
    donation =
        handovers
            .find(
                registry
                    .donationsOf(registry.find(request.beneficiaryId()).orElseThrow())
                    .get(0)
                    .id())
            .orElseThrow();
  }

  MockMultipartFile pdf() {
    return new MockMultipartFile(
        "file",
        "bon-signe.pdf",
        "application/pdf",
        "%PDF-1.4 bon".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldRefuseAReceiptBeforeTheHandover() throws Exception {
    mvc.perform(get("/donations/{id}", donation.id()).with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(xpath("//h1/span").string(donation.agreementNumber()))
        .andExpect(xpath("//form[contains(@action,'/receipt')]").doesNotExist())
        // the receipt to print and have signed, produced with the agreement
        .andExpect(
            xpath("//dt[starts-with(., 'Reçu de remise à imprimer')]/following-sibling::dd[1]/a")
                .string(
                    "recu-remise-RR-"
                        + donation.agreementNumber().substring("CG-".length())
                        + ".pdf"));
    mvc.perform(
            multipart("/donations/{id}/receipt", donation.id())
                .file(pdf())
                .with(TECHNICIAN)
                .with(csrf()))
        .andExpect(redirectedUrl("/donations/" + donation.id()))
        .andExpect(flash().attribute("error", containsString("une fois l'équipement remis")));
    assertThat(documents.ownedBy("asset:" + asset.inventoryNumber()))
        .noneMatch(d -> d.kind() == DocumentKind.HANDOVER_RECEIPT);
  }

  @Test
  void shouldStoreTheSignedReceiptAndCiteItInTheChain() throws Exception {
    // given
    handovers.recordHandover(
        asset.id(),
        donation.agreementNumber(),
        new Handover(clock.today(), "Jean Dupont", "Président", "BR-77", List.of("COMPUTER"), null),
        "handover-" + System.nanoTime());

    // when: a wrong file, then the scan
    mvc.perform(
            multipart("/donations/{id}/receipt", donation.id())
                .file(
                    new MockMultipartFile(
                        "file",
                        "bon.png",
                        "image/png",
                        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}))
                .with(TECHNICIAN)
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(xpath("//input[@id='file']/@aria-invalid").string("true"));
    mvc.perform(
            multipart("/donations/{id}/receipt", donation.id())
                .file(pdf())
                .with(AUDITOR)
                .with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(
            multipart("/donations/{id}/receipt", donation.id())
                .file(pdf())
                .with(TECHNICIAN)
                .with(csrf()))
        .andExpect(redirectedUrl("/donations/" + donation.id()));

    // then
    assertThat(documents.ownedBy("asset:" + asset.inventoryNumber()))
        .filteredOn(d -> d.kind() == DocumentKind.HANDOVER_RECEIPT)
        .hasSize(1);
    assertThat(inventory.custodyOf(asset.id()))
        .last()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo(CustodyAction.EVIDENCE);
              assertThat(e.details()).contains("BR-77");
              assertThat(e.evidence()).startsWith("HANDOVER_RECEIPT ");
            });
    mvc.perform(get("/donations/{id}", donation.id()).with(AUDITOR))
        .andExpect(status().isOk())
        .andExpect(xpath("//a[text()='(scan)']").exists());
  }
}
