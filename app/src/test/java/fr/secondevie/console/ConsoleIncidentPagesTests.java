package fr.secondevie.console;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import fr.secondevie.console.ConsoleViews.IncidentRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The open incidents page with many incidents (a printer down for a whole campaign): every group
 * counts all its incidents, the rows come 50 per page, newest first.
 */
@SpringBootTest(properties = "camunda.client.worker.defaults.enabled=false")
@AutoConfigureMockMvc
class ConsoleIncidentPagesTests {

  @Autowired MockMvc mvc;
  @MockitoBean ConsoleRuntime runtime;

  @Test
  void shouldCountEveryIncidentOfAGroupAndListThemFiftyPerPage() throws Exception {
    // given: 120 incidents of one job, newest first, as the runtime answers
    List<IncidentRow> open = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      open.add(
          new IncidentRow(
              1_000 + i,
              5_000 + i,
              "asset-end-of-life",
              "print-label",
              "JOB_NO_RETRIES",
              "Imprimante d'étiquettes injoignable",
              Instant.parse("2026-12-01T10:00:00Z").minusSeconds(60L * i),
              9_000L + i,
              true));
    }
    when(runtime.openIncidents()).thenReturn(open);

    // when / then: the first page
    mvc.perform(get("/console/incidents").with(ConsolePagesTests.MANAGER))
        .andExpect(status().isOk())
        .andExpect(
            xpath("//p[@id='incident-count']")
                .string("120 incident(s) ouvert(s), les plus récents d'abord, 50 par page"))
        .andExpect(xpath("//section[@class='incident-group']").nodeCount(1))
        .andExpect(
            xpath("//section//h2")
                .string(org.hamcrest.Matchers.containsString("(120, dont 50 sur cette page)")))
        .andExpect(xpath("//tr[@data-incident]").nodeCount(50))
        .andExpect(xpath("(//tr[@data-incident])[1]/@data-incident").string("1000"))
        .andExpect(xpath("//a[@id='next-page']/@href").string("/console/incidents?page=2"));

    // when / then: the last page holds the 20 oldest
    mvc.perform(get("/console/incidents").param("page", "3").with(ConsolePagesTests.MANAGER))
        .andExpect(status().isOk())
        .andExpect(xpath("//tr[@data-incident]").nodeCount(20))
        .andExpect(xpath("(//tr[@data-incident])[20]/@data-incident").string("1119"))
        .andExpect(xpath("//a[@id='next-page']").doesNotExist());

    // when / then: a page number out of range or not a number shows the nearest page
    mvc.perform(get("/console/incidents").param("page", "99").with(ConsolePagesTests.MANAGER))
        .andExpect(status().isOk())
        .andExpect(xpath("//tr[@data-incident]").nodeCount(20));
    mvc.perform(get("/console/incidents").param("page", "abc").with(ConsolePagesTests.MANAGER))
        .andExpect(status().isOk())
        .andExpect(xpath("//tr[@data-incident]").nodeCount(50));
  }
}
