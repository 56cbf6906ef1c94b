package fr.secondevie.tasks;

import static fr.secondevie.tasks.InboxFixtures.task;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import fr.secondevie.campaigns.Campaign;
import fr.secondevie.campaigns.CampaignService;
import fr.secondevie.campaigns.CampaignService.CreateCampaign;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.support.Places;
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
 * The inbox as a collection round uses it (issue 14, point 3): where each task's asset is, filters
 * by site, campaign, asset and task, sort by site, several tasks taken at once, confirmations
 * naming the asset. The runtime is a mock of {@link TaskRuntime}; assets and campaigns are real.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FieldWorkInboxTests {

  static final RequestPostProcessor TECHNICIAN = user("technicien").roles("TECHNICIAN");

  @Autowired MockMvc mvc;
  @Autowired InventoryService inventory;
  @Autowired CampaignService campaigns;
  @MockitoBean TaskRuntime runtime;

  /** The root variables of each process instance, as the runtime would answer them. */
  private final Map<Long, Map<String, Object>> variables = new HashMap<>();

  @BeforeEach
  void runtimeAnswersFromTheVariables() {
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

  private TaskInfo offered(InboxFixtures.Task builder, long instance, Asset asset, Long campaign) {
    Map<String, Object> v = new HashMap<>();
    v.put("assetId", asset.id());
    if (campaign != null) {
      v.put("campaignId", campaign);
    }
    variables.put(instance, v);
    TaskInfo info = builder.instance(instance).build();
    when(runtime.get(info.key())).thenReturn(info);
    return info;
  }

  private void inbox(TaskInfo... tasks) {
    when(runtime.search(any())).thenReturn(new TaskSearchResult(List.of(), 0));
    when(runtime.search(TaskQuery.offeredTo("TECHNICIAN", null, TaskSearches.SEARCH_LIMIT)))
        .thenReturn(new TaskSearchResult(List.of(tasks), tasks.length));
  }

  @Test
  void shouldShowWhereEachTasksAssetIsAndFilterBySiteCampaignAssetAndTask() throws Exception {
    // given: three assets on two sites, two of them in a campaign, and their tasks
    String nicolle = Places.site("Hôpital Charles-Nicolle");
    String boisGuillaume = Places.site("Hôpital de Bois-Guillaume");
    Asset cardio = Places.desktopAt(inventory, nicolle, "Bâtiment B > 2e étage", "Cardiologie");
    Asset geriatrics = Places.desktopAt(inventory, boisGuillaume, "Pavillon Colonne", "Gériatrie");
    Asset emergency = Places.desktopAt(inventory, nicolle, "Bâtiment A", "Urgences");
    Campaign round =
        campaigns.create(
            new CreateCampaign(
                "Tournée Charles-Nicolle",
                List.of(cardio.id(), emergency.id()),
                null,
                null,
                "gestionnaire"));
    inbox(
        offered(task(1), 101, cardio, round.id()),
        offered(task(2), 102, geriatrics, null),
        offered(task(3), 103, emergency, round.id()),
        offered(
            task(4).named("Saisir le rapport d'effacement", "enter-wipe-report"),
            104,
            geriatrics,
            null));

    // when / then: each row names the asset and its place; nothing set, nothing shown
    mvc.perform(get("/tasks").with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(xpath("count(//table[@id='tasks']/tbody/tr)").number(4.0))
        .andExpect(
            xpath("//table[@id='tasks']/tbody/tr[@data-key='1']/th/a")
                .string(startsWith(cardio.inventoryNumber())))
        .andExpect(
            xpath("//table[@id='tasks']/tbody/tr[@data-key='1']/td[@class='site']").string(nicolle))
        .andExpect(
            xpath("//table[@id='tasks']/tbody/tr[@data-key='1']/td[@class='place']")
                .string("Bâtiment B > 2e étage"))
        .andExpect(
            xpath("//table[@id='tasks']/tbody/tr[@data-key='1']/td[@class='service']")
                .string("Cardiologie"))
        .andExpect(xpath("//table[@id='tasks']/thead//th[.='Priorité']").doesNotExist())
        .andExpect(xpath("//table[@id='tasks']/thead//th[.='Échéance']").doesNotExist())
        .andExpect(xpath("//select[@id='site']/option[@value='" + nicolle + "']").exists())
        .andExpect(
            xpath("//select[@id='campaign']/option[@value='" + round.id() + "']")
                .string("Tournée Charles-Nicolle"));

    // a site keeps only its tasks
    mvc.perform(get("/tasks").param("site", boisGuillaume).with(TECHNICIAN))
        .andExpect(xpath("count(//table[@id='tasks']/tbody/tr)").number(2.0))
        .andExpect(xpath("//table[@id='tasks']/tbody/tr[@data-key='1']").doesNotExist())
        .andExpect(xpath("//table[@id='tasks']/tbody/tr[@data-key='3']").doesNotExist());
    // a campaign keeps its assets' tasks
    mvc.perform(get("/tasks").param("campaign", round.id().toString()).with(TECHNICIAN))
        .andExpect(xpath("count(//table[@id='tasks']/tbody/tr)").number(2.0))
        .andExpect(xpath("//table[@id='tasks']/tbody/tr[@data-key='1']").exists())
        .andExpect(xpath("//table[@id='tasks']/tbody/tr[@data-key='3']").exists());
    // an asset by part of its inventory number
    mvc.perform(
            get("/tasks")
                .param("asset", emergency.inventoryNumber().substring(2).toLowerCase())
                .with(TECHNICIAN))
        .andExpect(xpath("count(//table[@id='tasks']/tbody/tr)").number(1.0))
        .andExpect(xpath("//table[@id='tasks']/tbody/tr[@data-key='3']").exists());
    // a task by its name, on a site
    mvc.perform(
            get("/tasks")
                .param("task", "Saisir le rapport d'effacement")
                .param("site", boisGuillaume)
                .with(TECHNICIAN))
        .andExpect(xpath("count(//table[@id='tasks']/tbody/tr)").number(1.0))
        .andExpect(xpath("//table[@id='tasks']/tbody/tr[@data-key='4']").exists());
    // sorted by site, then place: the round's order
    mvc.perform(get("/tasks").param("sort", "site").with(TECHNICIAN))
        .andExpect(xpath("//table[@id='tasks']/tbody/tr[1]/@data-key").string("3"))
        .andExpect(xpath("//table[@id='tasks']/tbody/tr[2]/@data-key").string("1"))
        .andExpect(xpath("//select[@id='sort']/option[@selected]").string("Site et lieu"));
  }

  @Test
  void shouldTakeExactlyTheTickedTasksAtOnceAndNameTheirAssets() throws Exception {
    // given: four open tasks of four assets
    String site = Places.site("Hôpital Saint-Julien");
    List<Asset> assets = new ArrayList<>();
    List<TaskInfo> tasks = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Asset asset = Places.desktopAt(inventory, site, "Bâtiment " + i, "Pédiatrie");
      assets.add(asset);
      tasks.add(offered(task(11 + i), 211 + i, asset, null));
    }
    inbox(tasks.toArray(TaskInfo[]::new));
    mvc.perform(get("/tasks").with(TECHNICIAN))
        .andExpect(xpath("//form[@id='selection']//button").string("Prendre la sélection"))
        .andExpect(
            xpath("count(//input[@type='checkbox' and @name='keys' and @form='selection'])")
                .number(4.0));

    // when: the technician ticks three of them and takes the selection
    mvc.perform(
            post("/tasks/claim")
                .param("keys", "11", "12", "14")
                .param("returnTo", "/tasks?site=x")
                .with(TECHNICIAN)
                .with(csrf()))
        // then: exactly those three are assigned, and the message names their assets
        .andExpect(redirectedUrl("/tasks?site=x"))
        .andExpect(
            flash()
                .attribute(
                    "done",
                    allOf(
                        startsWith("3 tâches prises : "),
                        containsString(assets.get(0).inventoryNumber()),
                        containsString(assets.get(1).inventoryNumber()),
                        containsString(assets.get(3).inventoryNumber()))));
    verify(runtime).assign(11, "technicien");
    verify(runtime).assign(12, "technicien");
    verify(runtime).assign(14, "technicien");
    verify(runtime, never()).assign(eq(13L), anyString());
    verify(runtime, times(3)).assign(anyLong(), anyString());
  }

  @Test
  void shouldNameTheAssetWhenOneTaskIsTakenAndNeverLeaveTheInbox() throws Exception {
    // given
    Asset asset =
        Places.desktopAt(inventory, Places.site("Hôpital Saint-Julien"), null, "Pédiatrie");
    inbox(offered(task(21), 221, asset, null));

    // when / then
    mvc.perform(post("/tasks/21/claim").with(TECHNICIAN).with(csrf()))
        .andExpect(redirectedUrl("/tasks/21"))
        .andExpect(
            flash()
                .attribute(
                    "done",
                    "Tâche « Collecter et inspecter l'équipement » prise pour "
                        + asset.inventoryNumber()
                        + " (Poste fixe)."));
    // a return address outside the inbox is not followed
    mvc.perform(
            post("/tasks/claim")
                .param("keys", "21")
                .param("returnTo", "https://ailleurs.example/")
                .with(TECHNICIAN)
                .with(csrf()))
        .andExpect(redirectedUrl("/tasks"));
    mvc.perform(post("/tasks/claim").with(TECHNICIAN).with(csrf()))
        .andExpect(redirectedUrl("/tasks"))
        .andExpect(flash().attribute("refused", "Cochez les tâches à prendre."));
  }

  @Test
  void shouldReadTheAssetsOfAHundredAndTwentyTasksInOneSearchNotOnePerRow() throws Exception {
    // given: 120 tasks, each of its own asset
    String site = Places.site("Hôpital Saint-Julien");
    List<TaskInfo> tasks = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      Asset asset = Places.desktopAt(inventory, site, "Bâtiment " + (i % 7), "Pédiatrie");
      tasks.add(offered(task(1000 + i), 5000 + i, asset, null));
    }
    inbox(tasks.toArray(TaskInfo[]::new));

    // when
    mvc.perform(get("/tasks").param("sort", "site").with(TECHNICIAN))
        // then: a page of 50 rows, each with its site, from one variables search
        .andExpect(xpath("count(//table[@id='tasks']/tbody/tr)").number(50.0))
        .andExpect(
            xpath("count(//table[@id='tasks']/tbody/tr/td[@class='site' and .='" + site + "'])")
                .number(50.0));
    verify(runtime, times(1))
        .processVariables(argThat(keys -> keys.size() == 120), eq(TaskSubjects.SUBJECT_VARIABLES));
  }
}
