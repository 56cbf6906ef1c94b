package fr.secondevie.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A forged {@code Host} header never ends up in a {@code Location}: the redirects to the login
 * page, back to the page asked for before login, after logout and after a form post are relative.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HostHeaderRedirectTests {

  static final String EVIL = "evil.example";

  @Autowired MockMvc mvc;

  @Test
  void shouldSendAnonymousVisitorsToTheLoginPageOfThisSite() throws Exception {
    // given a request for a page, with a forged Host

    // when
    MvcResult result = mvc.perform(get("/assets").header("Host", EVIL)).andReturn();
    MvcResult onPort = mvc.perform(get("/assets").header("Host", EVIL + ":8443")).andReturn();

    // then
    assertThat(result.getResponse().getStatus()).isEqualTo(302);
    assertThat(result.getResponse().getHeader("Location")).isEqualTo("/login");
    assertThat(onPort.getResponse().getHeader("Location")).isEqualTo("/login");
  }

  @Test
  void shouldReturnAfterLoginToThePageAskedForWithoutNamingTheForgedHost() throws Exception {
    // given a page asked for without a session, with a forged Host (Spring Security saves it)
    MvcResult asked = mvc.perform(get("/assets?q=PC").header("Host", EVIL + ":8443")).andReturn();
    Cookie session = asked.getResponse().getCookie("SESSION");

    // when
    MvcResult login =
        mvc.perform(
                post("/login")
                    .cookie(session)
                    .header("Host", EVIL + ":8443")
                    .param("username", "gestionnaire")
                    .param("password", "demo")
                    .with(csrf()))
            .andReturn();

    // then
    String location = login.getResponse().getHeader("Location");
    assertThat(location).doesNotContain(EVIL).startsWith("/assets?q=PC");
  }

  @Test
  void shouldRedirectAfterLogoutAndFailedLoginWithinThisSite() throws Exception {
    // given a forged Host

    // when
    MvcResult logout =
        mvc.perform(post("/logout").header("Host", EVIL).with(user("gestionnaire")).with(csrf()))
            .andReturn();
    MvcResult failed =
        mvc.perform(
                post("/login")
                    .header("Host", EVIL)
                    .param("username", "gestionnaire")
                    .param("password", "faux")
                    .with(csrf()))
            .andReturn();

    // then
    assertThat(logout.getResponse().getHeader("Location")).isEqualTo("/login?logout");
    assertThat(failed.getResponse().getHeader("Location")).isEqualTo("/login?error");
  }

  @Test
  void shouldRedirectAfterAFormPostWithinThisSite() throws Exception {
    // given a GLPI upload (refused by the import, which changes nothing), with a forged Host
    MockMultipartFile csv =
        new MockMultipartFile(
            "file", "glpi.csv", "text/csv", "pas un export GLPI".getBytes(StandardCharsets.UTF_8));

    // when
    MvcResult result =
        mvc.perform(
                multipart("/imports")
                    .file(csv)
                    .header("Host", EVIL)
                    .with(user("gestionnaire").roles("ASSET_MANAGER"))
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn();

    // then
    assertThat(result.getResponse().getHeader("Location")).matches("/imports/\\d+");
  }
}
