package fr.secondevie.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14: an unknown address in the browser shows the French error page, in the layout with its
 * menu; the API keeps problem details.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ErrorPagesTests {

  @Autowired MockMvc mvc;

  @Test
  void shouldShowTheFrenchPageForAnUnknownAddressInTheBrowser() throws Exception {
    // given the asset manager's browser
    // when it asks for an address of their area that is no page
    mvc.perform(
            get("/imports/cette-page-n-existe-pas")
                .accept(MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML, MediaType.ALL)
                .with(user("gestionnaire").roles("ASSET_MANAGER")))
        // then
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
        .andExpect(content().string(containsString("Page introuvable")))
        .andExpect(content().string(containsString("L'adresse demandée n'existe pas.")))
        .andExpect(content().string(containsString("Menu principal")))
        .andExpect(content().string(not(containsString("\"status\""))));
  }

  @Test
  void shouldShowTheFrenchPageForAnIdThatIsNoNumber() throws Exception {
    // given a browser
    // when it asks for an asset whose id is not a number
    mvc.perform(
            get("/assets/pas-un-numero")
                .accept(MediaType.TEXT_HTML)
                .with(user("technicien").roles("TECHNICIAN")))
        // then
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
        .andExpect(content().string(containsString("Page introuvable")));
  }

  @Test
  void shouldKeepProblemDetailsInTheApi() throws Exception {
    // given an API client
    // when it asks for an import whose id is not a number
    mvc.perform(
            get("/api/imports/pas-un-numero")
                .accept(MediaType.APPLICATION_JSON)
                .with(user("gestionnaire").roles("ASSET_MANAGER")))
        // then
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400));
  }

  @Test
  void shouldMarkTheCurrentPageInTheMenu() throws Exception {
    // given the technician
    // when they open their inventory
    mvc.perform(get("/assets").with(user("technicien").roles("TECHNICIAN")))
        // then the menu marks "Inventaire", and only it
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(containsString("<a href=\"/assets\" aria-current=\"page\">Inventaire")))
        .andExpect(content().string(containsString("<a href=\"/tasks\">Mes tâches</a>")));
  }
}
