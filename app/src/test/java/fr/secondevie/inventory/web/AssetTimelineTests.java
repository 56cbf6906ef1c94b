package fr.secondevie.inventory.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.NewDocument;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.InventoryCommands.AppendCustody;
import fr.secondevie.inventory.InventoryCommands.ChangeStatus;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.support.Assets;
import fr.secondevie.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The asset page as a timeline: custody entries linked to the documents they cite. */
@SpringBootTest
@AutoConfigureMockMvc
class AssetTimelineTests {

  @Autowired MockMvc mvc;
  @Autowired InventoryService inventory;
  @Autowired DocumentService documents;
  @Autowired JdbcTemplate jdbc;

  Asset asset;
  StoredDocument certificate;

  @BeforeEach
  void anAssetWithACertificate() {
    TestDatabase.clean(jdbc);
    asset = Assets.desktop(inventory);
    certificate =
        documents.store(
            NewDocument.pdf(
                DocumentKind.SANITIZATION_CERTIFICATE,
                "certificat-effacement-CE-000001-SSD-1.pdf",
                "%PDF-1.7 test".getBytes(),
                "asset:" + asset.inventoryNumber(),
                "worker:sanitization.record-certificate"));
    inventory.appendCustody(
        new AppendCustody(
            asset.inventoryNumber(),
            CustodyAction.EVIDENCE,
            "worker:sanitization.record-certificate",
            "Certificat d'effacement CE-000001 : support SSD-1",
            certificate.evidence(),
            "op-cert"));
    inventory.appendCustody(
        new AppendCustody(
            asset.inventoryNumber(),
            CustodyAction.EVIDENCE,
            "technicien",
            "Copie altérée",
            "SANITIZATION_CERTIFICATE " + certificate.publicId() + " sha256:" + "0".repeat(64),
            "op-forged"));
  }

  @Test
  void shouldLinkEachEntryToTheDocumentItCitesAndCheckItsHash() throws Exception {
    String link = "/documents/" + certificate.publicId();
    mvc.perform(get("/assets/" + asset.id()).with(user("auditeur").roles("AUDITOR")))
        .andExpect(status().isOk())
        .andExpect(xpath("//ol[@class='timeline']/li").nodeCount(3))
        .andExpect(xpath("//li[@id='entree-2']//a/@href").string(link))
        .andExpect(
            xpath("//li[@id='entree-2']//a")
                .string("Certificat d'effacement : certificat-effacement-CE-000001-SSD-1.pdf"))
        .andExpect(xpath("//li[@id='entree-2']//span[@class='ok']").string("empreinte conforme"))
        .andExpect(
            xpath("//li[@id='entree-3']//span[@class='ko']")
                .string("empreinte différente du document"))
        .andExpect(
            xpath("//table[caption[starts-with(., 'Documents de l')]]//th[@scope='row']/a/@href")
                .string(link));
  }

  @Test
  void shouldSayWhoDidTheWorkInPlainFrenchWithTheTechnicalFactsBehindDetails() throws Exception {
    // given: a status change by the process, an inspection recorded for a technician
    inventory.changeStatus(
        new ChangeStatus(
            asset.inventoryNumber(),
            AssetStatus.DECOMMISSIONING,
            "worker:inventory.update-status",
            "Procédure asset-end-of-life, instance 2251799813685309, étape mark-decommissioning",
            null,
            "op-status"));
    inventory.appendCustody(
        new AppendCustody(
            asset.inventoryNumber(),
            CustodyAction.NOTE,
            "Camille Martin [cmartin] via worker:inventory.record-inspection",
            "Contrôle : 8.591781 ans, valeur unitaire 0.0 €, effacement PASSED",
            null,
            "op-inspection"));

    // when / then
    mvc.perform(get("/assets/" + asset.id()).with(user("auditeur").roles("AUDITOR")))
        .andExpect(status().isOk())
        .andExpect(
            xpath("//li[@id='entree-4']/p[@class='timeline-head']/span[@class='timeline-actor']")
                .string("par système"))
        .andExpect(
            xpath("//li[@id='entree-4']/p[2]")
                .string("Étape « Passer l'équipement en retrait » (Fin de vie d'un équipement)"))
        .andExpect(
            xpath("//li[@id='entree-5']/p[@class='timeline-head']/span[@class='timeline-actor']")
                .string("par Camille Martin"))
        .andExpect(
            xpath("//li[@id='entree-5']/p[2]")
                .string(
                    "Contrôle : 8 ans et 7 mois, valeur unitaire 0,00\u00a0€, effacement conforme"))
        .andExpect(
            xpath("//li[@id='entree-5']/p[@class='timeline-head']/time")
                .string(
                    org.hamcrest.Matchers.matchesPattern("\\d{2}/\\d{2}/\\d{4} à \\d{2}:\\d{2}")))
        .andExpect(
            xpath("//li[@id='entree-5']/details/ul/li[1]")
                .string(
                    "Auteur : identifiant cmartin, enregistré par le traitement automatique"
                        + " inventory.record-inspection"))
        .andExpect(
            xpath("//li[@id='entree-4']/details/ul/li[1]")
                .string(
                    "Auteur : enregistré par le traitement automatique inventory.update-status"))
        .andExpect(
            xpath("//li[@id='entree-4']/details/ul/li[2]")
                .string(
                    "Procédure asset-end-of-life, instance 2251799813685309, étape"
                        + " mark-decommissioning"))
        .andExpect(
            xpath("//table[caption[starts-with(., 'Documents de l')]]//tbody/tr/td[3]")
                .string("système"));
  }
}
