package fr.secondevie;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A first embedded run finds a fictitious eligible beneficiary with an open request and a default
 * adapted company, so that donation and recycling can be tried at once.
 */
@SpringBootTest(properties = "secondevie.demo.registries=true")
@AutoConfigureMockMvc
class DemoRegistriesTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;

  @Autowired java.util.List<org.springframework.boot.ApplicationRunner> runners;

  @Test
  void shouldSeedTheRegistriesOfAFirstEmbeddedRun() throws Exception {
    // given: empty registries (other test classes share the database), as on a first run
    for (String table :
        new String[] {
          "donation", "donation_request", "donation_beneficiary",
          "dismantling_lot_asset", "dismantling_lot", "adapted_company"
        }) {
      jdbc.update("DELETE FROM " + table);
    }

    // when: the application starts
    for (org.springframework.boot.ApplicationRunner runner : runners) {
      if (runner.getClass().getSimpleName().startsWith("Demo")) {
        runner.run(new org.springframework.boot.DefaultApplicationArguments());
      }
    }

    // then
    mvc.perform(get("/api/beneficiaries").with(httpBasic("auditeur", "demo")))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$[?(@.name =~ /.*démonstration.*/)].eligible")
                .value(org.hamcrest.Matchers.contains(true)));
    mvc.perform(get("/api/donation-requests").with(httpBasic("auditeur", "demo")))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$[?(@.notes == 'Demande de démonstration')].status")
                .value(org.hamcrest.Matchers.contains("OPEN")));
    mvc.perform(get("/api/adapted-companies").with(httpBasic("auditeur", "demo")))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$[?(@.defaultCompany == true)].name")
                .value(org.hamcrest.Matchers.hasItem("Entreprise adaptée de démonstration")));
  }
}
