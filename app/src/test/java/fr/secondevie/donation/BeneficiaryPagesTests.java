package fr.secondevie.donation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import fr.secondevie.inventory.AssetCategory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The beneficiary registry's pages and API through the whole stack, with roles. */
@SpringBootTest
@AutoConfigureMockMvc
class BeneficiaryPagesTests {

  static final RequestPostProcessor MANAGER = user("gestionnaire").roles("ASSET_MANAGER");
  static final RequestPostProcessor TECHNICIAN = user("technicien").roles("TECHNICIAN");

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired BeneficiaryRegistry registry;

  @BeforeEach
  void clean() {
    DonationFixtures.clean(jdbc);
  }

  int beneficiaryCount() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM donation_beneficiary", Integer.class);
  }

  @Test
  void shouldCreateABeneficiaryWithItsProofAndShowItEligible() throws Exception {
    // given
    String siret = DonationFixtures.siret();
    MockMultipartFile proof =
        new MockMultipartFile(
            "proof",
            "decret-rup.pdf",
            "application/pdf",
            "%PDF-1.4 décret".getBytes(StandardCharsets.UTF_8));

    // when
    String location =
        mvc.perform(
                multipart("/beneficiaries")
                    .file(proof)
                    .param("name", "Les Restos du Cœur — Seine-Maritime")
                    .param("siret", siret.substring(0, 9) + " " + siret.substring(9))
                    .param("legalCategory", "PUBLIC_UTILITY_ASSOCIATION")
                    .param("address", "5 rue des Champs, 76000 Rouen")
                    .param("contactEmail", "Rouen@RestosDuCoeur.example")
                    .param("reuseCommitmentSignedOn", "2024-02-01")
                    .param("active", "true")
                    .with(MANAGER)
                    .with(csrf()))
            .andExpect(redirectedUrlPattern("/beneficiaries/*"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();

    // then
    mvc.perform(get(location).with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(xpath("//h1").string("Les Restos du Cœur — Seine-Maritime"))
        .andExpect(content().string(containsString("SIRET " + siret)))
        .andExpect(content().string(containsString("rouen@restosducoeur.example")))
        .andExpect(content().string(containsString("prix solidaire plafonné")))
        // a technician reads but gets no edit link nor request form
        .andExpect(xpath("//a[contains(@href,'/edit')]").doesNotExist())
        .andExpect(xpath("//form[contains(@action,'/requests')]").doesNotExist());
    mvc.perform(get("/beneficiaries").with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(xpath("//table[@id='beneficiaries']/caption").exists())
        .andExpect(xpath("//table[@id='beneficiaries']/tbody/tr[1]/td[4]/span").string("Oui"));
  }

  @Test
  void shouldShowEveryErrorNextToItsFieldAndWriteNothing() throws Exception {
    // when
    mvc.perform(
            multipart("/beneficiaries")
                .file(
                    new MockMultipartFile(
                        "proof", "statuts.pdf", "application/pdf", "MZ exe".getBytes()))
                .param("name", "")
                .param("siret", "732 829 320 00075")
                .param("rna", "W12")
                .param("address", "1 rue X")
                .param("contactEmail", "pas-un-courriel")
                .param("reuseCommitmentSignedOn", "2999-01-01")
                .with(MANAGER)
                .with(csrf()))
        // then
        .andExpect(status().isOk())
        .andExpect(xpath("//*[@id='error-summary']/@role").string("alert"))
        .andExpect(xpath("//input[@id='name']/@aria-invalid").string("true"))
        .andExpect(xpath("//input[@id='name']/@aria-describedby").string("name-error"))
        .andExpect(xpath("//*[@id='siret-error']").string(containsString("clé de contrôle")))
        .andExpect(xpath("//*[@id='rna-error']").exists())
        .andExpect(xpath("//select[@id='legalCategory']/@aria-invalid").string("true"))
        .andExpect(xpath("//*[@id='contactEmail-error']").exists())
        .andExpect(
            xpath("//*[@id='reuseCommitmentSignedOn-error']").string(containsString("futur")))
        .andExpect(xpath("//*[@id='proof-error']").string(containsString("type accepté")))
        // what was typed is kept
        .andExpect(xpath("//input[@id='siret']/@value").string("732 829 320 00075"));
    assertThat(beneficiaryCount()).isZero();
  }

  @Test
  void shouldRefuseADuplicateSiret() throws Exception {
    // given
    Beneficiary existing =
        registry.create(
            DonationFixtures.form("Association A", LegalCategory.STUDENT_ASSOCIATION, null),
            null,
            "gestionnaire");

    // when / then
    mvc.perform(
            post("/beneficiaries")
                .param("name", "Association B")
                .param("siret", existing.siret())
                .param("legalCategory", "STUDENT_ASSOCIATION")
                .param("address", "Rouen")
                .param("contactEmail", "b@example.org")
                .with(MANAGER)
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(xpath("//*[@id='siret-error']").string(containsString("Association A")));
    assertThat(beneficiaryCount()).isEqualTo(1);
  }

  @Test
  void shouldRefuseARequestFromAnIneligibleBeneficiary() throws Exception {
    // given: no proof, no commitment
    Beneficiary b =
        registry.create(
            DonationFixtures.form("Club de football", LegalCategory.OTHER, null),
            null,
            "gestionnaire");

    // when / then
    mvc.perform(
            post("/beneficiaries/{id}/requests", b.id())
                .param("categories", "DESKTOP")
                .param("quantity", "0")
                .with(MANAGER)
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(xpath("//*[@id='beneficiaryId-error']").string(containsString("non prévue")))
        .andExpect(xpath("//input[@id='quantity']/@aria-invalid").string("true"));
    assertThat(registry.requests()).isEmpty();
  }

  @Test
  void shouldOpenAndCloseARequest() throws Exception {
    // given
    Beneficiary b =
        registry.create(
            DonationFixtures.form(
                "Parents", LegalCategory.PARENTS_ASSOCIATION, java.time.LocalDate.of(2024, 1, 5)),
            DonationFixtures.proof(),
            "gestionnaire");

    // when
    mvc.perform(
            post("/beneficiaries/{id}/requests", b.id())
                .param("categories", "DESKTOP", "MONITOR")
                .param("quantity", "12")
                .with(MANAGER)
                .with(csrf()))
        .andExpect(redirectedUrlPattern("/beneficiaries/*"));

    // then
    DonationRequest request = registry.requests().get(0).request();
    assertThat(request.categories())
        .containsExactlyInAnyOrder(AssetCategory.DESKTOP, AssetCategory.MONITOR);
    mvc.perform(get("/donation-requests").with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(xpath("//table[@id='requests']/tbody/tr[1]/td[2]").string("Poste fixe, Écran"))
        .andExpect(xpath("//table[@id='requests']/tbody/tr[1]/td[6]").string("12"));
    mvc.perform(post("/donation-requests/{id}/close", request.id()).with(TECHNICIAN).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(post("/donation-requests/{id}/close", request.id()).with(MANAGER).with(csrf()))
        .andExpect(redirectedUrl("/donation-requests"));
    assertThat(registry.request(request.id()).orElseThrow().request().status())
        .isEqualTo(RequestStatus.CLOSED);
  }

  @Test
  void shouldForbidTechniciansToWriteTheRegistry() throws Exception {
    mvc.perform(get("/beneficiaries/new").with(TECHNICIAN)).andExpect(status().isForbidden());
    mvc.perform(post("/beneficiaries").param("name", "X").with(TECHNICIAN).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(get("/beneficiaries/new").with(MANAGER))
        .andExpect(status().isOk())
        .andExpect(xpath("//label[@for='siret']").exists())
        .andExpect(xpath("//label[@for='proof']").exists())
        .andExpect(xpath("//fieldset/legend").string("Bénéficiaire actif"));
    mvc.perform(get("/beneficiaries")).andExpect(status().is3xxRedirection());
  }

  @Test
  void shouldAnswerTheApiWithProblemDetailsNamingEveryField() throws Exception {
    // when / then
    mvc.perform(
            post("/api/beneficiaries")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"name": "Assoc", "siret": "12345678901234", "legalCategory": "STUDENT_ASSOCIATION",
                     "contactEmail": "a@b.org"}
                    """)
                .with(httpBasic("gestionnaire", "demo")))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(header().string("Content-Type", containsString("application/problem+json")))
        .andExpect(jsonPath("$.errors[?(@.field == 'siret')].message").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'address')].message").exists());
    mvc.perform(
            post("/api/beneficiaries")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Assoc\", \"legalCategory\": \"CHARITY\"}")
                .with(httpBasic("gestionnaire", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("legalCategory"));
    mvc.perform(
            post("/api/beneficiaries")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}")
                .with(httpBasic("technicien", "demo")))
        .andExpect(status().isForbidden());
    assertThat(beneficiaryCount()).isZero();
  }

  @Test
  void shouldCreateThroughTheApiAndOpenARequest() throws Exception {
    // given
    String siret = DonationFixtures.siret();

    // when
    String location =
        mvc.perform(
                post("/api/beneficiaries")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"name": "Étudiants solidaires", "siret": "%s", "legalCategory": "STUDENT_ASSOCIATION",
                         "address": "Campus de Mont-Saint-Aignan", "contactEmail": "bureau@etu.example",
                         "reuseCommitmentSignedOn": "2024-09-15"}
                        """
                            .formatted(siret))
                    .with(httpBasic("gestionnaire", "demo")))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.eligible").value(false))
            .andExpect(
                jsonPath("$.ineligibilityReason").value("justificatif de la catégorie manquant"))
            .andReturn()
            .getResponse()
            .getHeader("Location");

    // then: without its proof it may not ask for equipment
    mvc.perform(
            post(location + "/requests")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"categories\": [\"LAPTOP\", \"SERVER\"], \"quantity\": 3}")
                .with(httpBasic("gestionnaire", "demo")))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors[?(@.field == 'beneficiaryId')]").exists())
        .andExpect(
            jsonPath("$.errors[?(@.field == 'categories')].message")
                .value(org.hamcrest.Matchers.hasItem(containsString("Serveur"))));
    mvc.perform(get("/api/beneficiaries").with(httpBasic("auditeur", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].siret").value(siret));
  }
}
