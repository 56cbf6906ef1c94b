package fr.secondevie.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions live in the database (Spring Session JDBC, table {@code SPRING_SESSION}), so that every
 * replica of the application knows a user logged in on another one, and a logout ends the session
 * everywhere. "Another replica" here is what it would build: a session repository of its own on the
 * same database, with nothing in memory.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SharedSessionTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  void shouldKeepALoggedInUsersSessionWhereEveryReplicaFindsIt() throws Exception {
    // given: a form login
    String sessionId = logIn("gestionnaire");

    // when: another replica, with only the database in common, looks the cookie's session up
    JdbcIndexedSessionRepository otherReplica =
        new JdbcIndexedSessionRepository(jdbc, transactions);
    org.springframework.session.Session session = otherReplica.findById(sessionId);

    // then: it knows who is logged in
    assertThat(session).isNotNull();
    SecurityContext context =
        session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    assertThat(context.getAuthentication().getName()).isEqualTo("gestionnaire");
    assertThat(
            jdbc.queryForObject(
                "SELECT PRINCIPAL_NAME FROM SPRING_SESSION WHERE SESSION_ID = ?",
                String.class,
                sessionId))
        .isEqualTo("gestionnaire");
    // and a request carrying only the cookie is served as that user
    mvc.perform(get("/assets").cookie(cookie(sessionId))).andExpect(status().isOk());
  }

  @Test
  void shouldEndTheSessionOnEveryReplicaAtLogout() throws Exception {
    // given
    String sessionId = logIn("technicien");

    // when
    mvc.perform(post("/logout").cookie(cookie(sessionId)).with(csrf()))
        .andExpect(redirectedUrl("/login?logout"));

    // then: the row is gone, the cookie opens nothing any more
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM SPRING_SESSION WHERE SESSION_ID = ?", Long.class, sessionId))
        .isZero();
    mvc.perform(get("/assets").cookie(cookie(sessionId))).andExpect(status().is3xxRedirection());
  }

  @Test
  void shouldWriteTheSessionOnlyWhenSomethingInItChanges() throws Exception {
    // given: a user logged in, who has read a page
    String sessionId = logIn("technicien");
    mvc.perform(get("/assets").cookie(cookie(sessionId))).andExpect(status().isOk());
    Long stored = lastAccess(sessionId);

    // when: pages read again within the minute
    mvc.perform(get("/assets").cookie(cookie(sessionId))).andExpect(status().isOk());
    mvc.perform(get("/account/password").cookie(cookie(sessionId))).andExpect(status().isOk());

    // then: the session row is not written again, and every replica still finds the session
    assertThat(lastAccess(sessionId)).isEqualTo(stored);
    assertThat(new JdbcIndexedSessionRepository(jdbc, transactions).findById(sessionId))
        .isNotNull();
    // and a change in the session is still written: the logout ends it everywhere
    mvc.perform(post("/logout").cookie(cookie(sessionId)).with(csrf()))
        .andExpect(redirectedUrl("/login?logout"));
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM SPRING_SESSION WHERE SESSION_ID = ?", Long.class, sessionId))
        .isZero();
  }

  private Long lastAccess(String sessionId) {
    return jdbc.queryForObject(
        "SELECT LAST_ACCESS_TIME FROM SPRING_SESSION WHERE SESSION_ID = ?", Long.class, sessionId);
  }

  private String logIn(String username) throws Exception {
    MvcResult login =
        mvc.perform(
                post("/login").param("username", username).param("password", "demo").with(csrf()))
            .andExpect(redirectedUrl("/"))
            .andReturn();
    Cookie cookie = login.getResponse().getCookie("SESSION");
    assertThat(cookie).as("Spring Session's cookie").isNotNull();
    return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
  }

  private static Cookie cookie(String sessionId) {
    return new Cookie(
        "SESSION", Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.UTF_8)));
  }
}
