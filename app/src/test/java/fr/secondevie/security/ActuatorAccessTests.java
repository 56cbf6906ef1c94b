package fr.secondevie.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The actuator on the application port: the health status for everyone, its details and every other
 * endpoint for administrators only.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ActuatorAccessTests {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  @Test
  void shouldShowAnonymousVisitorsTheHealthStatusOnly() throws Exception {
    // given an anonymous visitor

    // when
    String body =
        mvc.perform(get("/actuator/health")).andReturn().getResponse().getContentAsString();

    // then
    JsonNode health = json.readTree(body);
    assertThat(health.has("status")).isTrue();
    assertThat(health.size()).as(body).isEqualTo(1);
  }

  @Test
  void shouldShowHealthDetailsToAdministratorsOnly() throws Exception {
    // given
    var admin = user("admin").roles(Role.ADMIN.name());
    var auditor = user("auditeur").roles(Role.AUDITOR.name());

    // when / then
    mvc.perform(get("/actuator/health").with(admin))
        .andExpect(jsonPath("$.status").exists())
        .andExpect(jsonPath("$.components.db.details").exists());
    mvc.perform(get("/actuator/health").with(auditor))
        .andExpect(jsonPath("$.components").doesNotExist());
  }

  @Test
  void shouldRefuseEveryOtherEndpointToAnyoneButAdministrators() throws Exception {
    // given the other endpoints the application port serves
    for (String path : new String[] {"/actuator", "/actuator/info", "/actuator/health/db"}) {

      // when / then
      mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
      for (Role role : Role.values()) {
        var result = mvc.perform(get(path).with(user("u").roles(role.name())));
        if (role == Role.ADMIN) {
          result.andExpect(status().isOk());
        } else {
          result.andExpect(status().isForbidden());
        }
      }
    }
  }
}
