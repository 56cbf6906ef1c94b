package fr.secondevie.recycling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import fr.secondevie.documents.DocumentService;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.sanitization.CertificateService;
import fr.secondevie.sanitization.SanitizationPlanner;
import fr.secondevie.support.Assets;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The adapted companies and lots pages and API, with validation errors and roles. Job workers
 * closed: with the runtime mocked, they must not take the jobs of the process tests.
 */
@SpringBootTest(properties = "camunda.client.worker.defaults.enabled=false")
@AutoConfigureMockMvc
class RecyclingPagesTests {

  static final RequestPostProcessor MANAGER = user("gestionnaire").roles("ASSET_MANAGER");
  static final RequestPostProcessor TECHNICIAN = user("technicien").roles("TECHNICIAN");

  @MockitoBean LotProcesses processes;
  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired AdaptedCompanyRegistry registry;
  @Autowired LotPlacement placement;
  @Autowired InventoryService inventory;
  @Autowired DocumentService documents;
  @Autowired SanitizationPlanner planner;
  @Autowired CertificateService certificates;

  @BeforeEach
  void clean() {
    RecyclingFixtures.clean(jdbc);
  }

  int companyCount() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM adapted_company", Integer.class);
  }

  @Test
  void shouldRegisterACompanyAndMakeItTheOnlyDefault() throws Exception {
    // given
    AdaptedCompany former = registry.create(RecyclingFixtures.company("Ancienne EA", 20, true));
    String siret = RecyclingFixtures.siret();

    // when
    mvc.perform(
            post("/adapted-companies")
                .param("name", "ESAT La Roseraie")
                .param("siret", siret)
                .param("type", "ESAT")
                .param("agreementRef", "ARS-NOR-2023-118")
                .param("email", "atelier@roseraie.example")
                .param("address", "Rouen")
                .param("lotSize", "30")
                .param("defaultCompany", "true")
                .param("active", "true")
                .with(MANAGER)
                .with(csrf()))
        .andExpect(redirectedUrlPattern("/adapted-companies/*"));

    // then
    assertThat(registry.find(former.id()).orElseThrow().defaultCompany()).isFalse();
    mvc.perform(get("/adapted-companies").with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(xpath("//table[@id='companies']/tbody/tr[2]/th/a").string("ESAT La Roseraie"))
        .andExpect(xpath("//table[@id='companies']/tbody/tr[2]/td[6]").string("Oui"))
        .andExpect(xpath("//a[@href='/adapted-companies/new']").doesNotExist());
  }

  @Test
  void shouldShowEveryErrorNextToItsFieldAndWriteNothing() throws Exception {
    mvc.perform(
            post("/adapted-companies")
                .param("name", "EA")
                .param("siret", "123")
                .param("email", "x")
                .param("ecoOrganisme", "ecosystem")
                .param("lotSize", "0")
                .param("defaultCompany", "true")
                .param("active", "false")
                .with(MANAGER)
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(xpath("//*[@id='error-summary']").exists())
        .andExpect(xpath("//input[@id='siret']/@aria-invalid").string("true"))
        .andExpect(xpath("//*[@id='type-error']").exists())
        .andExpect(xpath("//*[@id='agreementRef-error']").exists())
        .andExpect(
            xpath("//*[@id='ecoOrganismeContractRef-error']").string(containsString("R543-200-1")))
        .andExpect(xpath("//*[@id='email-error']").exists())
        .andExpect(xpath("//*[@id='address-error']").exists())
        .andExpect(xpath("//*[@id='lotSize-error']").exists())
        .andExpect(xpath("//*[@id='defaultCompany-error']").exists());
    assertThat(companyCount()).isZero();
  }

  @Test
  void shouldForbidTechniciansToWrite() throws Exception {
    mvc.perform(get("/adapted-companies/new").with(TECHNICIAN)).andExpect(status().isForbidden());
    mvc.perform(post("/adapted-companies").param("name", "x").with(TECHNICIAN).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/adapted-companies")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}")
                .with(httpBasic("technicien", "demo")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/adapted-companies").with(httpBasic("technicien", "demo")))
        .andExpect(status().isOk());
  }

  @Test
  void shouldAnswerTheApiWithProblemDetails() throws Exception {
    mvc.perform(
            post("/api/adapted-companies")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"EA\", \"type\": \"EA\", \"lotSize\": 10}")
                .with(httpBasic("gestionnaire", "demo")))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors[?(@.field == 'siret')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'email')]").exists());
    mvc.perform(
            post("/api/adapted-companies")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"EA\", \"lotSize\": \"beaucoup\"}")
                .with(httpBasic("gestionnaire", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("lotSize"));
    assertThat(companyCount()).isZero();
  }

  @Test
  void shouldListLotsAndShowALotWithItsAssetsAndUploadedCertificate() throws Exception {
    // given
    registry.create(RecyclingFixtures.company("Les Ateliers du Cailly", 10, true));
    Assets assets = new Assets(inventory, planner, certificates);
    var asset = assets.sanitizedThen(AssetCategory.LAPTOP, AssetStatus.RECYCLING_PENDING, "S1");
    long lotId = placement.addToLot(asset.id(), "test-add").lotId();

    // when
    mvc.perform(
            multipart("/dismantling-lots/{id}/documents", lotId)
                .file(
                    new MockMultipartFile(
                        "file",
                        "certificat.pdf",
                        "application/pdf",
                        "%PDF-1.4 certificat".getBytes(StandardCharsets.UTF_8)))
                .param("kind", "RECYCLING_CERTIFICATE")
                .with(MANAGER)
                .with(csrf()))
        .andExpect(redirectedUrlPattern("/dismantling-lots/*"));

    // then
    mvc.perform(get("/dismantling-lots").with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(xpath("//table[@id='lots']/tbody/tr[1]/td[1]").string("Les Ateliers du Cailly"));
    mvc.perform(get("/dismantling-lots/{id}", lotId).with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(xpath("//table[@id='assets']/tbody/tr[1]/th/a").string(asset.inventoryNumber()))
        .andExpect(xpath("//table[@id='assets']/tbody/tr[1]/td[4]").string("2,2"))
        .andExpect(xpath("//a[text()='(document)']").exists())
        .andExpect(xpath("//form[contains(@action,'/documents')]").doesNotExist());
    assertThat(inventory.custodyOf(asset.id()))
        .filteredOn(
            e ->
                e.action() == CustodyAction.EVIDENCE
                    && e.evidence().startsWith("RECYCLING_CERTIFICATE"))
        .hasSize(1);
    mvc.perform(get("/api/dismantling-lots/{id}", lotId).with(httpBasic("auditeur", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.assets[0].inventoryNumber").value(asset.inventoryNumber()))
        .andExpect(jsonPath("$.status").value("OPEN"));
  }

  @Test
  void shouldCloseALotOnlyOnceTheManagerConfirms() throws Exception {
    // given an open lot of one asset
    registry.create(RecyclingFixtures.company("Les Ateliers du Cailly", 10, true));
    Assets assets = new Assets(inventory, planner, certificates);
    var asset = assets.sanitizedThen(AssetCategory.LAPTOP, AssetStatus.RECYCLING_PENDING, "S1");
    long lotId = placement.addToLot(asset.id(), "test-add").lotId();
    mvc.perform(get("/dismantling-lots/{id}", lotId).with(MANAGER))
        .andExpect(
            xpath("//form[contains(@action,'/close')]//input[@name='confirm'][@required]")
                .exists());

    // when the close button is sent without the confirmation, then with it
    mvc.perform(post("/dismantling-lots/{id}/close", lotId).with(MANAGER).with(csrf()))
        .andExpect(redirectedUrlPattern("/dismantling-lots/*"))
        .andExpect(flash().attribute("error", containsString("Le lot n'a pas été clos")));
    String unconfirmed =
        jdbc.queryForObject("SELECT status FROM dismantling_lot WHERE id = ?", String.class, lotId);
    mvc.perform(
            post("/dismantling-lots/{id}/close", lotId)
                .param("confirm", "true")
                .with(MANAGER)
                .with(csrf()))
        .andExpect(flash().attribute("message", containsString("Lot clos")));

    // then only the confirmed request closed it
    assertThat(unconfirmed).isEqualTo("OPEN");
    assertThat(
            jdbc.queryForObject(
                "SELECT status FROM dismantling_lot WHERE id = ?", String.class, lotId))
        .isNotEqualTo("OPEN");
  }

  @Test
  void shouldRefuseAnUploadThatIsNotAPdfOrImage() throws Exception {
    // given
    registry.create(RecyclingFixtures.company("EA", 10, true));
    var asset =
        new Assets(inventory, planner, certificates)
            .sanitizedThen(AssetCategory.DESKTOP, AssetStatus.RECYCLING_PENDING, "S1");
    long lotId = placement.addToLot(asset.id(), "test-add-2").lotId();

    // when / then
    mvc.perform(
            multipart("/dismantling-lots/{id}/documents", lotId)
                .file(
                    new MockMultipartFile("file", "virus.pdf", "application/pdf", "MZ".getBytes()))
                .with(MANAGER)
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(xpath("//*[@id='kind-error']").exists())
        .andExpect(xpath("//input[@id='file']/@aria-invalid").string("false"));
    mvc.perform(
            multipart("/dismantling-lots/{id}/documents", lotId)
                .file(
                    new MockMultipartFile("file", "virus.pdf", "application/pdf", "MZ".getBytes()))
                .param("kind", "ADAPTED_COMPANY_ATTESTATION")
                .with(MANAGER)
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(xpath("//*[@id='file-error']").string(containsString("type accepté")));
    assertThat(documents.ownedBy("dismantling-lot:" + lotId)).isEmpty();
  }
}
