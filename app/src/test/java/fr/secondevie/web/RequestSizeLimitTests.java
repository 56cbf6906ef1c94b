package fr.secondevie.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The application's configured body limits through the whole stack: 1 MiB for JSON and form bodies,
 * 5 MiB for a wipe report; over them, 413 and nothing stored.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RequestSizeLimitTests {

  static final int MIB = 1024 * 1024;

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;

  /** A JSON beneficiary whose notes make the body {@code size} bytes long. */
  static byte[] beneficiary(int size) {
    String head =
        "{\"name\": \"Association Trop Longue\", \"siret\": \"73282932000074\", \"notes\": \"";
    String tail = "\"}";
    return (head + "a".repeat(size - head.length() - tail.length()) + tail)
        .getBytes(StandardCharsets.UTF_8);
  }

  int beneficiaries() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM donation_beneficiary", Integer.class);
  }

  @Test
  void shouldRefuseAJsonBodyOverOneMebibyteWith413AndStoreNothing() throws Exception {
    // given
    int before = beneficiaries();

    // when, then
    mvc.perform(
            post("/api/beneficiaries")
                .with(user("gestionnaire").roles("ASSET_MANAGER"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(beneficiary(MIB + 1)))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Requête trop volumineuse"))
        .andExpect(jsonPath("$.detail").value(containsString("1 Mio")))
        .andExpect(jsonPath("$.limitBytes").value(MIB));
    assertThat(beneficiaries()).isEqualTo(before);
  }

  @Test
  void shouldRefuseAFormOverOneMebibyteWith413() throws Exception {
    int before = beneficiaries();

    mvc.perform(
            post("/beneficiaries")
                .with(user("gestionnaire").roles("ASSET_MANAGER"))
                .with(csrf())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("name=A&notes=" + "a".repeat(MIB)))
        .andExpect(status().isPayloadTooLarge());
    assertThat(beneficiaries()).isEqualTo(before);
  }

  @Test
  void shouldLetAWipeReportUpToFiveMebibytesReachTheIntake() throws Exception {
    // a 2 MiB log is read by the intake (and refused by it for its content, not its size)
    mvc.perform(
            post("/api/sanitization/reports")
                .with(user("technicien").roles("TECHNICIAN"))
                .param("inventoryNumber", "CHU-NOPE")
                .param("operator", "Camille Martin")
                .contentType(MediaType.TEXT_PLAIN)
                .content("x".repeat(2 * MIB)))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.title").value("Rapport d'effacement refusé"));
    mvc.perform(
            post("/api/sanitization/reports")
                .with(user("technicien").roles("TECHNICIAN"))
                .contentType(MediaType.TEXT_PLAIN)
                .content("x".repeat(5 * MIB + 1)))
        .andExpect(status().isPayloadTooLarge());
  }
}
