package fr.secondevie.common;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The one handler of refused API input ({@link ApiErrorHandler}) answers for the controllers of
 * every module: errors in the order the fields were checked, unreadable values named.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiErrorHandlerTests {

  @Autowired MockMvc mvc;

  @Test
  void shouldListTheRefusedFieldsInTheOrderOfTheForm() throws Exception {
    // given: a beneficiary with none of its five required fields
    String empty = "{}";

    // when / then: problem details listing them in the form's order, every time
    mvc.perform(
            post("/api/beneficiaries")
                .contentType(MediaType.APPLICATION_JSON)
                .content(empty)
                .with(httpBasic("gestionnaire", "demo")))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(header().string("Content-Type", containsString("application/problem+json")))
        .andExpect(jsonPath("$.title").value("Saisie refusée"))
        .andExpect(jsonPath("$.errors[0].field").value("name"))
        .andExpect(jsonPath("$.errors[1].field").value("siret"))
        .andExpect(jsonPath("$.errors[2].field").value("legalCategory"))
        .andExpect(jsonPath("$.errors[3].field").value("address"))
        .andExpect(jsonPath("$.errors[4].field").value("contactEmail"))
        .andExpect(
            jsonPath("$.detail")
                .value(containsString("Indiquez le nom de l'association. Indiquez le SIRET")));
  }

  @Test
  void shouldNameTheUnreadableFieldForEveryModulesApi() throws Exception {
    // given: a value of the wrong type, sent to the recycling API and to the donation API
    String wrongSize = "{\"name\": \"EA\", \"lotSize\": \"beaucoup\"}";
    String wrongCategory = "{\"name\": \"Assoc\", \"legalCategory\": \"CHARITY\"}";

    // when / then
    mvc.perform(
            post("/api/adapted-companies")
                .contentType(MediaType.APPLICATION_JSON)
                .content(wrongSize)
                .with(httpBasic("gestionnaire", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.title").value("Requête illisible"))
        .andExpect(jsonPath("$.errors[0].field").value("lotSize"));
    mvc.perform(
            post("/api/beneficiaries")
                .contentType(MediaType.APPLICATION_JSON)
                .content(wrongCategory)
                .with(httpBasic("gestionnaire", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("legalCategory"));
  }
}
