package fr.secondevie.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The security headers of pages, API and login, and the templates they protect: no inline script,
 * event handler attribute, {@code javascript:} URL nor inline style anywhere a browser renders.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityHeadersTests {

  static final RequestPostProcessor TECHNICIAN = user("technicien").roles("TECHNICIAN");

  @Autowired MockMvc mvc;

  static ResultMatcher hardened() {
    return result -> {
      header()
          .string(
              "Content-Security-Policy",
              "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';"
                  + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
                  + " form-action 'self'; frame-ancestors 'none'")
          .match(result);
      header().string("X-Content-Type-Options", "nosniff").match(result);
      header().string("X-Frame-Options", "DENY").match(result);
      header().string("Permissions-Policy", containsString("camera=()")).match(result);
      header().string("Permissions-Policy", containsString("microphone=()")).match(result);
      header().string("Permissions-Policy", containsString("geolocation=()")).match(result);
    };
  }

  @Test
  void shouldHardenPagesTheLoginPageAndTheApi() throws Exception {
    // given a user's page, the public login page and an API call

    // when / then
    mvc.perform(get("/").with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(hardened())
        .andExpect(header().string("Referrer-Policy", "same-origin"));
    mvc.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(hardened())
        .andExpect(header().string("Referrer-Policy", "same-origin"));
    mvc.perform(get("/api/assets").with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(hardened());
  }

  @Test
  void shouldSendHstsOnlyOverHttps() throws Exception {
    // given the same page over HTTP and over HTTPS

    // when / then
    mvc.perform(get("/login")).andExpect(header().doesNotExist("Strict-Transport-Security"));
    mvc.perform(get("/login").secure(true))
        .andExpect(
            header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
  }

  @Test
  void shouldKeepTheSupplierPortalsOwnPrivacyHeaders() throws Exception {
    // given a portal link (unknown token: the headers come before the token is checked)

    // when / then
    mvc.perform(get("/portal/jeton-inconnu"))
        .andExpect(status().isNotFound())
        .andExpect(header().string("Referrer-Policy", "no-referrer"))
        .andExpect(header().string("Cache-Control", "no-store"))
        .andExpect(hardened());
  }

  @Test
  void shouldConfigureHtmxToNeedNeitherInlineStyleNorEval() throws Exception {
    // given the page shell, which loads htmx

    // when / then
    mvc.perform(get("/").with(TECHNICIAN))
        .andExpect(xpath("//script[not(@src)]").doesNotExist())
        .andExpect(
            xpath("//meta[@name='htmx-config']/@content")
                .string(
                    "{\"includeIndicatorStyles\":false,\"allowEval\":false,"
                        + "\"allowScriptTags\":false}"));
  }

  @Test
  void shouldKeepScriptsAndStylesOutOfEveryTemplate() throws IOException {
    // given every template a browser renders (templates/pdf/ is rendered to PDF, never served)
    Resource[] templates =
        new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
    Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bth:src=|[^>]*\\bsrc=)[^>]*>");
    Pattern handler = Pattern.compile("\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    Pattern javascriptUrl = Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE);
    Pattern style = Pattern.compile("<style|\\s(th:)?style\\s*=", Pattern.CASE_INSENSITIVE);
    List<String> found = new ArrayList<>();

    // when
    int checked = 0;
    for (Resource template : templates) {
      String url = template.getURL().toString();
      if (url.contains("/templates/pdf/")) {
        continue;
      }
      checked++;
      String html = template.getContentAsString(StandardCharsets.UTF_8);
      for (Pattern p : List.of(inlineScript, handler, javascriptUrl, style)) {
        var m = p.matcher(html);
        while (m.find()) {
          found.add(template.getFilename() + ": " + m.group());
        }
      }
    }

    // then
    assertThat(checked).isGreaterThan(30);
    assertThat(found).isEmpty();
  }
}
