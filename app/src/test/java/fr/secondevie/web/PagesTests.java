package fr.secondevie.web;

import static fr.secondevie.support.GlpiCsv.desktop;
import static fr.secondevie.support.GlpiCsv.glpi;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import fr.secondevie.support.GlpiCsv;
import fr.secondevie.support.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
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

/** Pages and API through the whole stack (security, MVC, Thymeleaf, MariaDB). */
@SpringBootTest
@AutoConfigureMockMvc
class PagesTests {

  static final RequestPostProcessor MANAGER = user("gestionnaire").roles("ASSET_MANAGER");
  static final RequestPostProcessor TECHNICIAN = user("technicien").roles("TECHNICIAN");

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void emptyInventory() {
    TestDatabase.clean(jdbc);
  }

  @Test
  void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
    mvc.perform(get("/assets")).andExpect(status().is3xxRedirection());
    mvc.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<label for=\"username\">Identifiant</label>")));
  }

  @Test
  void demoUsersLogInWithTheFormAndCsrf() throws Exception {
    mvc.perform(post("/login").param("username", "gestionnaire").param("password", "demo"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/login").param("username", "gestionnaire").param("password", "demo").with(csrf()))
        .andExpect(redirectedUrlPattern("/**"));
    mvc.perform(
            post("/login").param("username", "gestionnaire").param("password", "x").with(csrf()))
        .andExpect(redirectedUrlPattern("/login?error*"));
  }

  @Test
  void theShellIsAccessible() throws Exception {
    mvc.perform(get("/").with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(xpath("/html/@lang").string("fr"))
        .andExpect(xpath("//a[@class='skip-link']/@href").string("#contenu"))
        .andExpect(xpath("//main[@id='contenu']").exists())
        .andExpect(xpath("//nav[@aria-label='Menu principal']").exists())
        .andExpect(xpath("//footer[@role='contentinfo']").exists())
        // a technician does not see the import entry
        .andExpect(xpath("//a[@href='/imports/new']").doesNotExist());
  }

  @Test
  void onlyAssetManagersAndAdminsImport() throws Exception {
    mvc.perform(get("/imports/new").with(TECHNICIAN)).andExpect(status().isForbidden());
    mvc.perform(get("/imports/new").with(MANAGER))
        .andExpect(status().isOk())
        .andExpect(xpath("//label[@for='file']").exists());
    mvc.perform(
            multipart("/api/assets/import")
                .file(new MockMultipartFile("file", "x.csv", "text/csv", new byte[0]))
                .with(httpBasic("technicien", "demo")))
        .andExpect(status().isForbidden());
  }

  @Test
  void shouldShowTheProcessOwnerWhatTheProcessesStillNeedAndNotTheTechnician() throws Exception {
    // given: the test configuration has no SMTP server and example group addresses

    // when / then
    mvc.perform(get("/").with(MANAGER))
        .andExpect(status().isOk())
        .andExpect(
            xpath("//section[@id='prerequisites']//code[starts-with(., 'spring.mail.host')]")
                .exists())
        .andExpect(xpath("//section[@id='prerequisites']//li[contains(., 'adresse d')]").exists());
    mvc.perform(get("/").with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(xpath("//section[@id='prerequisites']").doesNotExist());
  }

  @Test
  void uploadErrorsAreShownWithLineAndField() throws Exception {
    List<String> bad = new ArrayList<>(desktop("W2", "S2"));
    bad.set(11, "2019-13-01");
    byte[] csv = glpi().row(desktop("W1", "S1")).row(bad).bytes();

    String location =
        mvc.perform(
                multipart("/imports")
                    .file(new MockMultipartFile("file", "glpi.csv", "text/csv", csv))
                    .with(MANAGER)
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    awaitFinished(location);

    // the polled progress region asks htmx to reload the page once the import is over
    mvc.perform(get(location + "/progress").with(MANAGER))
        .andExpect(status().isOk())
        .andExpect(header().string("HX-Refresh", "true"))
        .andExpect(xpath("//div[@id='progress']/@role").string("status"));
    mvc.perform(get(location).with(MANAGER))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Fichier refusé")))
        .andExpect(xpath("//table[@id='errors']/caption").exists())
        .andExpect(xpath("//table[@id='errors']/tbody/tr[1]/th").string("3"))
        .andExpect(xpath("//table[@id='errors']/tbody/tr[1]/td[1]").string("Date d'achat"))
        .andExpect(xpath("//table[@id='errors']/tbody/tr[1]/td[2]").string("2019-13-01"));
  }

  @Test
  void anUploadWithoutFileShowsTheErrorOnTheField() throws Exception {
    mvc.perform(multipart("/imports").with(MANAGER).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(xpath("//input[@id='file']/@aria-invalid").string("true"))
        .andExpect(xpath("//input[@id='file']/@aria-describedby").string("file-error"))
        .andExpect(xpath("//*[@id='file-error']").exists());
  }

  @Test
  void importedAssetsAreListedFilteredAndShownWithTheirCustody() throws Exception {
    mvc.perform(
            multipart("/api/assets/import")
                .file(new MockMultipartFile("file", "chu.csv", "text/csv", GlpiCsv.sample()))
                .param("wait", "true")
                .with(httpBasic("gestionnaire", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("SUCCEEDED"))
        .andExpect(jsonPath("$.created").value(64));

    mvc.perform(get("/assets").param("category", "SERVER").with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(xpath("//table/caption").exists())
        .andExpect(xpath("count(//table/tbody/tr)").number(3.0))
        .andExpect(xpath("//table/thead/tr/th[1]/@scope").string("col"));
    mvc.perform(get("/assets").param("size", "25").param("page", "1").with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(xpath("normalize-space(//li[@aria-current='page'])").string("Page 2 / 3"));

    Long id =
        jdbc.queryForObject(
            "SELECT id FROM asset WHERE inventory_number = 'CHU76-2012-00001'", Long.class);
    mvc.perform(get("/assets/" + id).with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Intègre")))
        .andExpect(content().string(containsString("Chaîne de traçabilité")));
  }

  @Test
  void theApiImportsInTheBackgroundAndReportsProgress() throws Exception {
    String location =
        mvc.perform(
                multipart("/api/assets/import")
                    .file(new MockMultipartFile("file", "chu.csv", "text/csv", GlpiCsv.sample()))
                    .with(httpBasic("gestionnaire", "demo")))
            .andExpect(status().isAccepted())
            .andExpect(jsonPath("$.progress.percent").isNumber())
            .andReturn()
            .getResponse()
            .getHeader("Location");
    assertThat(location).startsWith("/api/imports/");
    awaitFinished(location.substring("/api".length()));
    mvc.perform(get(location).with(httpBasic("gestionnaire", "demo")))
        .andExpect(jsonPath("$.status").value("SUCCEEDED"))
        .andExpect(jsonPath("$.progress.percent").value(100));
  }

  @Test
  void theApiAnswersJsonAndProblems() throws Exception {
    mvc.perform(get("/api/assets")).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/assets/NOPE").with(httpBasic("auditeur", "demo")))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.inventoryNumber").value("NOPE"));

    byte[] bad = GlpiCsv.withHeader("Nom", "Numéro d'inventaire").row("PC", "X1").bytes();
    mvc.perform(
            multipart("/api/assets/import")
                .file(new MockMultipartFile("file", "bad.csv", "text/csv", bad))
                .param("wait", "true")
                .with(httpBasic("gestionnaire", "demo")))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].line").value(1))
        .andExpect(jsonPath("$.errors[0].field").value("Type"))
        .andExpect(header().exists("Location"));
  }

  private void awaitFinished(String location) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              String json =
                  mvc.perform(get("/api" + location).with(httpBasic("gestionnaire", "demo")))
                      .andReturn()
                      .getResponse()
                      .getContentAsString();
              assertThat(json).doesNotContain("\"PENDING\"").doesNotContain("\"RUNNING\"");
            });
  }
}
