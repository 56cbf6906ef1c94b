package fr.secondevie.tasks;

import static fr.secondevie.tasks.InboxFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.secondevie.support.TestClock;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The menu's task counter is kept in the session for a while (the process runtime is not asked on
 * every page), but is right at the first page after the user's own claim or completion.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TaskCounterTests {

  @Autowired MockMvc mvc;
  @Autowired TestClock clock;
  @MockitoBean TaskRuntime runtime;

  Cookie session;

  @BeforeEach
  void logIn() throws Exception {
    offered(2);
    session =
        mvc.perform(
                post("/login")
                    .param("username", "technicien")
                    .param("password", "demo")
                    .with(csrf()))
            .andExpect(redirectedUrl("/"))
            .andReturn()
            .getResponse()
            .getCookie("SESSION");
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void shouldKeepTheCountForAWhileWithoutAskingTheRuntimeOnEveryPage() throws Exception {
    // given: the count shown once
    assertThat(counter()).isEqualTo("2");
    clearInvocations(runtime);

    // when: a colleague's process offers a third task, and the user reads another page
    offered(3);
    String shortlyAfter = counter();

    // then: the kept count, the runtime not asked
    assertThat(shortlyAfter).isEqualTo("2");
    verify(runtime, never()).search(any());

    // when: the time kept has passed
    clock.advance(TaskCounter.KEPT.plus(Duration.ofSeconds(1)));

    // then: counted again
    assertThat(counter()).isEqualTo("3");
  }

  @Test
  void shouldCountAgainRightAfterTheUsersOwnClaimAndCompletion() throws Exception {
    // given: two tasks offered, counted and kept
    assertThat(counter()).isEqualTo("2");
    when(runtime.get(1)).thenReturn(task(1).withoutForm().build());
    when(runtime.form(1)).thenReturn(Optional.empty());
    when(runtime.variables(1)).thenReturn(Map.of());

    // when: the user claims task 1 (the runtime then shows it assigned to them: still 2) and
    // another
    // task has appeared meanwhile
    offered(3);
    mvc.perform(post("/tasks/1/claim").cookie(session).with(csrf()))
        .andExpect(redirectedUrl("/tasks/1"));

    // then: the next page counts again, without waiting
    assertThat(counter()).isEqualTo("3");

    // when: the user completes it
    offered(2);
    mvc.perform(post("/tasks/1").cookie(session).with(csrf())).andExpect(redirectedUrl("/tasks"));

    // then
    assertThat(counter()).isEqualTo("2");
    verify(runtime).complete(any(Long.class), any());
  }

  /** The runtime offers {@code n} open tasks to the technicians. */
  private void offered(int n) {
    List<TaskInfo> tasks = LongStream.rangeClosed(1, n).mapToObj(k -> task(k).build()).toList();
    when(runtime.search(any())).thenReturn(new TaskSearchResult(List.of(), 0));
    when(runtime.search(TaskQuery.offeredTo("TECHNICIAN", null, TaskSearches.SEARCH_LIMIT)))
        .thenReturn(new TaskSearchResult(tasks, n));
  }

  /** The number on the menu of a light page, in the user's session. */
  private String counter() throws Exception {
    String html =
        mvc.perform(get("/account/password").cookie(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return Jsoup.parse(html).select("#task-counter").text();
  }
}
