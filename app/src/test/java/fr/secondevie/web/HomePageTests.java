package fr.secondevie.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import fr.secondevie.campaigns.Campaign;
import fr.secondevie.campaigns.CampaignService;
import fr.secondevie.campaigns.CampaignService.CreateCampaign;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.support.Places;
import fr.secondevie.tasks.TaskInfo;
import fr.secondevie.tasks.TaskQuery;
import fr.secondevie.tasks.TaskRuntime;
import fr.secondevie.tasks.TaskRuntimeException;
import fr.secondevie.tasks.TaskSearchResult;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The home page of each role (issue 14, point 1): its tasks, the steps waiting elsewhere, the
 * campaigns under way, the headline indicators, and the counter on <em>Mes tâches</em>.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HomePageTests {

  static final RequestPostProcessor TECHNICIAN = user("technicien").roles("TECHNICIAN");
  static final RequestPostProcessor DIRECTOR = user("directeur").roles("DIRECTOR");
  static final RequestPostProcessor MANAGER = user("gestionnaire").roles("ASSET_MANAGER");

  @Autowired MockMvc mvc;
  @Autowired InventoryService inventory;
  @Autowired CampaignService campaigns;
  @MockitoBean TaskRuntime runtime;

  private final Map<Long, Map<String, Object>> variables = new HashMap<>();

  @BeforeEach
  void runtimeAnswersFromTheVariables() {
    when(runtime.search(any())).thenReturn(new TaskSearchResult(List.of(), 0));
    when(runtime.processVariables(any(), any()))
        .thenAnswer(
            call -> {
              Collection<Long> keys = call.getArgument(0);
              Map<Long, Map<String, Object>> found = new HashMap<>();
              keys.stream()
                  .filter(variables::containsKey)
                  .forEach(k -> found.put(k, variables.get(k)));
              return found;
            });
  }

  private static TaskInfo collection(long key, long instance, int priority) {
    return new TaskInfo(
        key,
        "Collecter et inspecter l'équipement",
        "collect-asset",
        "asset-end-of-life",
        "Fin de vie d'un équipement",
        instance,
        "CREATED",
        null,
        List.of("TECHNICIAN"),
        List.of(),
        OffsetDateTime.parse("2026-03-10T08:00:00Z"),
        null,
        null,
        priority,
        9L,
        null);
  }

  @Test
  void shouldShowTheTechnicianHisTasksTheMostUrgentWithTheirAssetAndTheStepsWaitingElsewhere()
      throws Exception {
    // given: seven collection tasks, the one of the cardiology desktop prioritised, and two
    // processes waiting for their wipe report
    String site = Places.site("Hôpital Charles-Nicolle");
    Asset urgent = Places.desktopAt(inventory, site, "Bâtiment B", "Cardiologie");
    List<TaskInfo> tasks = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      Asset asset = i == 3 ? urgent : Places.desktopAt(inventory, site, "Bâtiment A", "Urgences");
      variables.put(300L + i, Map.of("assetId", asset.id()));
      tasks.add(collection(30 + i, 300 + i, i == 3 ? 90 : 50));
    }
    when(runtime.search(TaskQuery.offeredTo("TECHNICIAN", null, 1_000)))
        .thenReturn(new TaskSearchResult(tasks, 7));
    when(runtime.waitingAt("asset-end-of-life", "wait-for-wipe-report", 50))
        .thenReturn(
            List.of(
                new TaskRuntime.Waiting(401L, OffsetDateTime.parse("2026-03-11T09:00:00Z")),
                new TaskRuntime.Waiting(402L, OffsetDateTime.parse("2026-03-12T09:00:00Z"))));

    // when / then
    mvc.perform(get("/").with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(xpath("//p[@id='task-count']").string("7 tâches ouvertes vous sont proposées."))
        .andExpect(xpath("count(//table[@id='urgent']/tbody/tr)").number(5.0))
        .andExpect(
            xpath("//table[@id='urgent']/tbody/tr[1]/th/a")
                .string(startsWith(urgent.inventoryNumber())))
        .andExpect(xpath("//table[@id='urgent']/tbody/tr[1]/td[1]").string(site))
        .andExpect(xpath("//table[@id='urgent']/tbody/tr[1]/td[2]").string("Bâtiment B"))
        .andExpect(xpath("//table[@id='urgent']/tbody/tr[1]/td[3]/a/@href").string("/tasks/33"))
        .andExpect(xpath("//a[.='Voir toutes mes tâches']/@href").string("/tasks"))
        // the steps waiting on another page, counted, with where to do them
        .andExpect(
            xpath("normalize-space(//section[@id='waiting-steps']//li)")
                .string(containsString("Rapport d'effacement attendu : 2")))
        .andExpect(xpath("//section[@id='waiting-steps']//li/a/@href").string("/tasks#ailleurs"))
        // the counter on the menu
        .andExpect(
            xpath("//nav[@aria-label='Menu principal']//a[@href='/tasks']/span[@id='task-counter']")
                .string("7"))
        // a technician reads no indicators
        .andExpect(xpath("//section[@id='headline']").doesNotExist());
  }

  @Test
  void shouldShowTheDirectorTheHeadlineIndicatorsAndNoCounterWithoutTasks() throws Exception {
    mvc.perform(get("/").with(DIRECTOR))
        .andExpect(status().isOk())
        .andExpect(xpath("//p[@id='task-count']").string("Aucune tâche ne vous attend."))
        .andExpect(xpath("//span[@id='task-counter']").doesNotExist())
        .andExpect(
            xpath("//section[@id='headline']//li[1]/a[@href='/indicators']")
                .string("Taux de réemploi (décret 2023-266)"))
        .andExpect(xpath("//section[@id='headline']//li[1]/strong").exists())
        .andExpect(
            xpath("//section[@id='headline']//li[3]/strong").string(containsString("kg CO2e")));
  }

  @Test
  void shouldShowTheManagerTheCampaignsUnderWayWithTheirProgressAndThePrerequisites()
      throws Exception {
    // given: a campaign of three assets
    String site = Places.site("Hôpital de Bois-Guillaume");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(Places.desktopAt(inventory, site, "Pavillon Colonne", "Gériatrie").id());
    }
    Campaign campaign =
        campaigns.create(
            new CreateCampaign("Renouvellement gériatrie", ids, null, null, "gestionnaire"));

    // when / then
    String line = "//section[@id='campaigns']//li[@data-campaign='" + campaign.id() + "']";
    mvc.perform(get("/").with(MANAGER))
        .andExpect(status().isOk())
        .andExpect(xpath(line + "/a/@href").string("/campaigns/" + campaign.id()))
        .andExpect(xpath(line + "/a").string("Renouvellement gériatrie"))
        .andExpect(
            xpath("normalize-space(" + line + "/span[@class='progress-figures'])")
                .string("0 équipement(s) traité(s) sur 3"))
        .andExpect(xpath(line + "/progress/@value").string("0"))
        .andExpect(xpath("//section[@id='headline']").exists())
        // what is missing to run stays on the manager's home
        .andExpect(
            xpath("count(//section[@id='prerequisites' or @id='prerequisites-ready'])")
                .number(1.0));
  }

  @Test
  void shouldStillShowTheHomePageWhenTheProcessRuntimeDoesNotAnswer() throws Exception {
    // given
    when(runtime.search(any()))
        .thenThrow(
            new TaskRuntimeException(
                TaskRuntimeException.Kind.UNAVAILABLE, "connection refused", null));

    // when / then
    mvc.perform(get("/").with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(xpath("//section[@id='my-tasks-unavailable']").exists())
        .andExpect(xpath("//span[@id='task-counter']").doesNotExist())
        .andExpect(xpath("//nav[@aria-label='Menu principal']//a[@href='/tasks']").exists());
  }
}
