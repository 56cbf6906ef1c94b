package fr.secondevie.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The demo mode of the test suite (config/application.properties): demo users and a banner. */
@SpringBootTest
@AutoConfigureMockMvc
class DemoModeTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;

  @Test
  void shouldShowTheDemoBannerOnEveryPage() throws Exception {
    mvc.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(
            xpath("//div[@role='note' and contains(@class,'demo-banner')]")
                .string(containsString("mot de passe public")));
    mvc.perform(get("/assets").with(user("technicien").roles("TECHNICIAN")))
        .andExpect(status().isOk())
        .andExpect(xpath("//div[contains(@class,'demo-banner')]").exists());
  }

  @Test
  void shouldLogEveryDemoUserInWithTheSharedPasswordAndItsRole() throws Exception {
    for (var demo : LocalUsers.DEMO_USERS.entrySet()) {
      mvc.perform(
              post("/login")
                  .param("username", demo.getKey())
                  .param("password", "demo")
                  .with(csrf()))
          .andExpect(redirectedUrl("/"));
    }
    mvc.perform(get("/api/assets").with(httpBasic("auditeur", "demo"))).andExpect(status().isOk());
  }

  @Test
  void shouldNotCreateAnAccountNamedAfterADemoUser() throws Exception {
    mvc.perform(
            post("/admin/users")
                .with(user("admin").roles("ADMIN"))
                .with(csrf())
                .param("username", "gestionnaire")
                .param("roles", "ADMIN"))
        .andExpect(status().isOk())
        .andExpect(
            xpath("//*[@id='username-error']")
                .string(containsString("utilisateur de démonstration")));
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM account WHERE username = 'gestionnaire'", Integer.class))
        .isZero();
  }
}
