package fr.secondevie.tasks;

import static fr.secondevie.tasks.InboxFixtures.form;
import static fr.secondevie.tasks.InboxFixtures.task;
import static fr.secondevie.tasks.InboxFixtures.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.InventoryService;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The inbox pages through the whole web stack (security, MVC, Thymeleaf), the runtime replaced by a
 * mock of {@link TaskRuntime}: the same pages run against the engine in {@code
 * TaskInboxProcessTests}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TaskInboxPagesTests {

  static final RequestPostProcessor TECHNICIAN = user("technicien").roles("TECHNICIAN");
  static final RequestPostProcessor OTHER_TECHNICIAN = user("technicienne").roles("TECHNICIAN");
  static final RequestPostProcessor DIRECTOR = user("directeur").roles("DIRECTOR");

  static final String COLLECT_VARIABLES =
      "{'assetId': 999999999, 'asset': {'inventoryNumber': 'CHU76-2019-00042', 'manufacturer': 'HP',"
          + " 'model': 'EliteBook 840 G6', 'serialNumber': '5CD9421XYZ', 'category': 'DESKTOP',"
          + " 'location': 'Rouen > Pavillon A'}, 'storageDevices': [{'serialNumber': 'S4EV', 'type': 'NVME', 'capacityGb': 512}]}";

  @Autowired MockMvc mvc;
  @Autowired InventoryService inventory;
  @MockitoBean TaskRuntime runtime;

  @BeforeEach
  void noTasks() {
    when(runtime.search(any())).thenReturn(new TaskSearchResult(List.of(), 0));
  }

  private void collectTask(InboxFixtures.Task task) {
    TaskInfo info = task.build();
    when(runtime.get(info.key())).thenReturn(info);
    when(runtime.form(info.key())).thenReturn(Optional.of(form("collect-asset")));
    when(runtime.variables(info.key())).thenReturn(variables(COLLECT_VARIABLES));
  }

  private static MockHttpServletRequestBuilder completeCollection(long key) {
    return collection(key).param("_action", "complete");
  }

  /** The collection form filled in, as the browser sends it without the button clicked. */
  private static MockHttpServletRequestBuilder collection(long key) {
    return post("/tasks/" + key)
        .param("conditionGrade", "B")
        .param("functionalTest", "WORKS")
        .param("storageDevices[0]._row", "1")
        .param("storageDevices[0]._src", "0")
        .param("storageDevices[0].serialNumber", "S4EV")
        .param("storageDevices[0].type", "NVME")
        .param("storageDevices[0].capacityGb", "512")
        .param("tpmCleared", "true")
        .param("uefiReset", "true")
        .param("labelsRemoved", "true")
        .param("removableMediaRemoved", "true")
        .param("collectedOn", "2025-03-12")
        .param("collectionLocation", "Magasin DSI")
        .param("inspectionNotes", "");
  }

  @Test
  void shouldSayWhatEachTaskIsAboutAndListTheStepsWaitingOnAnotherPage() throws Exception {
    // given: a collection task of an asset, and the process of another asset awaiting its report
    fr.secondevie.inventory.Asset collected = fr.secondevie.support.Assets.desktop(inventory);
    fr.secondevie.inventory.Asset wiped = fr.secondevie.support.Assets.desktop(inventory);
    TaskInfo collect = task(1).build();
    when(runtime.search(TaskQuery.offeredTo("TECHNICIAN", null, TaskSearches.SEARCH_LIMIT)))
        .thenReturn(new TaskSearchResult(List.of(collect), 1));
    when(runtime.processVariables(
            List.of(collect.processInstanceKey()), TaskSubjects.SUBJECT_VARIABLES))
        .thenReturn(Map.of(collect.processInstanceKey(), Map.of("assetId", collected.id())));
    when(runtime.waitingAt("asset-end-of-life", "wait-for-wipe-report", WaitingSteps.WAITING_LIMIT))
        .thenReturn(
            List.of(new TaskRuntime.Waiting(77L, OffsetDateTime.parse("2026-03-12T09:00:00Z"))));
    when(runtime.processVariables(List.of(77L), List.of("assetId", "lotId")))
        .thenReturn(Map.of(77L, Map.of("assetId", wiped.id())));

    // when / then: the technician sees both, linked
    mvc.perform(get("/tasks").with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(
            xpath("//table[@id='tasks']/tbody/tr[1]/th/a/@href")
                .string("/assets/" + collected.id()))
        .andExpect(
            xpath("//table[@id='waiting']/tbody/tr[1]/th").string("Rapport d'effacement attendu"))
        .andExpect(
            xpath("//table[@id='waiting']/tbody/tr[1]/td[3]/a/@href")
                .string("/sanitization/reports/new?inventoryNumber=" + wiped.inventoryNumber()))
        .andExpect(
            xpath("//table[@id='waiting']/tbody/tr[1]/td[1]/a")
                .string(org.hamcrest.Matchers.startsWith(wiped.inventoryNumber())));
    // a director has no such step: the runtime is not even asked
    mvc.perform(get("/tasks").with(DIRECTOR))
        .andExpect(status().isOk())
        .andExpect(xpath("//table[@id='waiting']").doesNotExist());
    verify(runtime, org.mockito.Mockito.times(1))
        .waitingAt("asset-end-of-life", "wait-for-wipe-report", WaitingSteps.WAITING_LIMIT);
  }

  @Test
  void shouldListOnlyTheTasksOfferedToTheUsersRolesOrAssignedToThem() throws Exception {
    // given
    TaskInfo mine = task(1).assignee("technicien").priority(80).build();
    TaskInfo offered =
        task(2)
            .named("Saisir le rapport d'effacement", "enter-wipe-report")
            .due(OffsetDateTime.parse("2020-01-01T10:00:00Z"))
            .build();
    TaskInfo director =
        task(3)
            .named("Approuver la cession gratuite", "approve-donation")
            .groups("DIRECTOR")
            .build();
    TaskInfo named =
        task(4)
            .groups()
            .users("technicien")
            .named("Confirmer l'enlèvement", "confirm-pickup")
            .process("dismantling-lot", "Lot de démantèlement")
            .build();
    when(runtime.search(TaskQuery.offeredTo("TECHNICIAN", null, TaskSearches.SEARCH_LIMIT)))
        // a runtime answer with a task the user may not work is filtered out
        .thenReturn(new TaskSearchResult(List.of(offered, director), 2));
    when(runtime.search(TaskQuery.offeredToUser("technicien", null, TaskSearches.SEARCH_LIMIT)))
        .thenReturn(new TaskSearchResult(List.of(named), 1));
    when(runtime.search(TaskQuery.assignedTo("technicien", null, TaskSearches.SEARCH_LIMIT)))
        .thenReturn(new TaskSearchResult(List.of(mine), 1));

    // when / then
    mvc.perform(get("/tasks").with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(xpath("//table[@id='tasks']/caption").exists())
        .andExpect(xpath("//table[@id='tasks']/thead/tr/th[1]/@scope").string("col"))
        .andExpect(xpath("count(//table[@id='tasks']/tbody/tr)").number(3.0))
        // most urgent first: priority, then due date
        .andExpect(
            xpath("//table[@id='tasks']/tbody/tr[1]/td[@class='task']/a/@href").string("/tasks/1"))
        .andExpect(xpath("//table[@id='tasks']/tbody/tr[1]/td[@class='assignee']").string("moi"))
        // a priority someone set is shown, Camunda's default (50) is not
        .andExpect(
            xpath("//table[@id='tasks']/tbody/tr[1]/td[contains(@class,'priority')]").string("80"))
        .andExpect(
            xpath("//table[@id='tasks']/tbody/tr[2]/td[contains(@class,'priority')]").string("—"))
        .andExpect(
            xpath("//table[@id='tasks']/tbody/tr[2]/td[@class='task']/a")
                .string("Saisir le rapport d'effacement"))
        .andExpect(
            xpath("normalize-space(//table[@id='tasks']/tbody/tr[2]/td[@class='due'])")
                .string("01/01/2020 11:00:00 (en retard)"))
        .andExpect(
            xpath("normalize-space(//table[@id='tasks']/tbody/tr[3]/th)")
                .string("Lot de démantèlement"))
        .andExpect(xpath("//a[@href='/tasks/3']").doesNotExist())
        // claim the unassigned ones, release mine
        .andExpect(xpath("//form[@action='/tasks/2/claim']/input[@name='_csrf']").exists())
        .andExpect(xpath("//form[@action='/tasks/1/unclaim']").exists())
        .andExpect(xpath("//form[@action='/tasks/1/claim']").doesNotExist())
        .andExpect(
            xpath("//select[@id='process']/option[@value='dismantling-lot']")
                .string("Lot de démantèlement"))
        .andExpect(xpath("//nav[@aria-label='Menu principal']//a[@href='/tasks']").exists());
  }

  @Test
  void shouldFilterByProcessTaskAndAssignment() throws Exception {
    TaskInfo mine = task(1).assignee("technicien").build();
    TaskInfo other = task(2).named("Saisir le rapport d'effacement", "enter-wipe-report").build();
    when(runtime.search(
            TaskQuery.offeredTo("TECHNICIAN", "asset-end-of-life", TaskSearches.SEARCH_LIMIT)))
        .thenReturn(new TaskSearchResult(List.of(mine, other), 2));

    mvc.perform(
            get("/tasks")
                .param("process", "asset-end-of-life")
                .param("assignment", "unassigned")
                .with(TECHNICIAN))
        .andExpect(xpath("count(//table[@id='tasks']/tbody/tr)").number(1.0))
        .andExpect(
            xpath("//table[@id='tasks']/tbody/tr[1]/td[@class='task']/a/@href").string("/tasks/2"));
    mvc.perform(
            get("/tasks")
                .param("process", "asset-end-of-life")
                .param("assignment", "mine")
                .with(TECHNICIAN))
        .andExpect(xpath("count(//table[@id='tasks']/tbody/tr)").number(1.0))
        .andExpect(
            xpath("//table[@id='tasks']/tbody/tr[1]/td[@class='task']/a/@href").string("/tasks/1"));
    mvc.perform(
            get("/tasks")
                .param("process", "asset-end-of-life")
                .param("task", "Saisir le rapport d'effacement")
                .with(TECHNICIAN))
        .andExpect(xpath("count(//table[@id='tasks']/tbody/tr)").number(1.0))
        .andExpect(
            xpath("//select[@id='task']/option[@selected]")
                .string("Saisir le rapport d'effacement"));
    mvc.perform(get("/tasks").with(DIRECTOR))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Aucune tâche ne vous attend.")));
  }

  @Test
  void shouldClaimAndOpenATaskThenReleaseItAsTheLogin() throws Exception {
    when(runtime.get(5)).thenReturn(task(5).build());
    mvc.perform(post("/tasks/5/claim").with(TECHNICIAN).with(csrf()))
        .andExpect(redirectedUrl("/tasks/5"))
        .andExpect(
            flash().attribute("done", "Tâche « Collecter et inspecter l'équipement » prise."));
    verify(runtime).assign(5, "technicien");

    when(runtime.get(6)).thenReturn(task(6).assignee("technicien").build());
    mvc.perform(post("/tasks/6/unclaim").param("back", "task").with(TECHNICIAN).with(csrf()))
        .andExpect(redirectedUrl("/tasks/6"));
    verify(runtime).unassign(6);
  }

  @Test
  void shouldRefuseToClaimATaskSomeoneElseHolds() throws Exception {
    when(runtime.get(7)).thenReturn(task(7).assignee("technicienne").build());
    mvc.perform(post("/tasks/7/claim").with(TECHNICIAN).with(csrf()))
        .andExpect(redirectedUrl("/tasks"))
        .andExpect(
            flash()
                .attribute(
                    "refused",
                    "Cette tâche est déjà assignée à technicienne : demandez-lui de la libérer."));
    mvc.perform(post("/tasks/7/unclaim").with(TECHNICIAN).with(csrf()))
        .andExpect(flash().attribute("refused", containsString("Seule la personne")));
    verify(runtime, never()).assign(anyLong(), anyString());
    verify(runtime, never()).unassign(anyLong());
    // without the CSRF token nothing happens
    mvc.perform(post("/tasks/7/claim").with(TECHNICIAN)).andExpect(status().isForbidden());
  }

  @Test
  void shouldForbidTheTaskPageAndItsCompletionToNonCandidates() throws Exception {
    collectTask(task(8));
    mvc.perform(get("/tasks/8").with(DIRECTOR)).andExpect(status().isForbidden());
    mvc.perform(completeCollection(8).with(DIRECTOR).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(post("/tasks/8/claim").with(DIRECTOR).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(post("/tasks/8/visibility").with(DIRECTOR).with(csrf()))
        .andExpect(status().isForbidden());
    verify(runtime, never()).complete(anyLong(), any());
    verify(runtime, never()).variables(8);
  }

  @Test
  void shouldShowTheTaskWithItsAssetAndItsAccessibleForm() throws Exception {
    // given an asset of the inventory
    Asset asset =
        inventory
            .register(
                "INBOX-" + System.nanoTime(),
                new Asset.Description(
                    "SN-1",
                    null,
                    AssetCategory.LAPTOP,
                    "HP",
                    "EliteBook 840 G6",
                    "Rouen",
                    null,
                    null,
                    null,
                    null),
                AssetStatus.IN_SERVICE,
                "test",
                null,
                null)
            .asset();
    collectTask(task(9));
    when(runtime.variables(9))
        .thenReturn(variables(COLLECT_VARIABLES.replace("999999999", asset.id().toString())));

    mvc.perform(get("/tasks/9").with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(xpath("//h1").string("Collecter et inspecter l'équipement"))
        .andExpect(
            xpath("//dd/a[@href='/assets/" + asset.id() + "']").string(asset.inventoryNumber()))
        .andExpect(xpath("//dd/a[@href='/assets/" + asset.id() + "#tracabilite']").exists())
        // the text, templated
        .andExpect(xpath("//div[@id='w-f-intro']//strong").string("CHU76-2019-00042"))
        // radio groups in a fieldset with a legend, required marked
        .andExpect(
            xpath(
                    "//fieldset[legend[starts-with(normalize-space(.), 'État')]]//input[@type='radio' and @required]")
                .nodeCount(4))
        // one convention for required fields on every page: "(obligatoire)" in the label
        .andExpect(
            xpath(
                    "//fieldset/legend[starts-with(normalize-space(.), 'État')]/span[@class='required']")
                .string(" (obligatoire)"))
        .andExpect(xpath("//span[@class='required' and contains(., '*')]").doesNotExist())
        // the battery is hidden for a desktop, re-evaluated by the page script
        .andExpect(xpath("//div[@id='w-f-field-battery-health-percent']/@hidden").exists())
        .andExpect(
            xpath("//div[@id='w-f-field-battery-health-percent']/@data-conditional")
                .string("f-field-battery-health-percent"))
        .andExpect(
            xpath("//form[@class='form task-form']/@data-visibility").string("/tasks/9/visibility"))
        // every input has a label
        .andExpect(
            xpath(
                    "count(//form[contains(@class,'task-form')]//input[@type!='hidden' and not(@aria-hidden)][not(@id = //label/@for)])")
                .number(0.0))
        // description and format hint tied to the field
        .andExpect(
            xpath("//input[@id='f-field-collection-location']/@aria-describedby")
                .string("f-field-collection-location-hint"))
        .andExpect(
            xpath("//p[@id='f-field-collection-location-hint']").string("120 caractères au plus."))
        // the dynamic list: rows with their markers, an add button and the row template
        .andExpect(xpath("//input[@name='storageDevices[0].serialNumber']/@value").string("S4EV"))
        .andExpect(xpath("//input[@name='storageDevices[0]._row']").exists())
        .andExpect(
            xpath("//button[@name='_action' and @value='add:storageDevices']")
                .string("Ajouter une ligne à « Supports de stockage »"))
        .andExpect(
            xpath("//button[@value='remove:storageDevices:0']")
                .string("Supprimer la ligne 1 de « Supports de stockage »"))
        .andExpect(xpath("//template[@id='f-list-storage-devices-template']").exists())
        .andExpect(
            xpath("//button[@value='complete' and not(@aria-hidden)]").string("Terminer la tâche"))
        .andExpect(xpath("//script[@src='/js/task-form.js']").exists())
        .andExpect(xpath("//div[@id='resume-erreurs']").doesNotExist());
  }

  @Test
  void shouldCompleteTheTaskWithTheFormsVariablesAsTheLogin() throws Exception {
    collectTask(task(10));
    MvcResult completed =
        mvc.perform(completeCollection(10).with(TECHNICIAN).with(csrf()))
            .andExpect(redirectedUrl("/tasks"))
            .andExpect(
                flash()
                    .attribute(
                        "done",
                        "La tâche « Collecter et inspecter l'équipement » est terminée. Merci !"))
            .andReturn();

    @SuppressWarnings("unchecked")
    ArgumentCaptor<Map<String, Object>> sent = ArgumentCaptor.forClass(Map.class);
    InOrder order = inOrder(runtime);
    order.verify(runtime).assign(10, "technicien");
    order.verify(runtime).complete(eq(10L), sent.capture());
    assertThat(InboxFixtures.json(sent.getValue()))
        .isEqualTo(
            InboxFixtures.json(
                variables(
                    "{'conditionGrade': 'B', 'functionalTest': 'WORKS',"
                        + " 'storageDevices': [{'serialNumber': 'S4EV', 'type': 'NVME', 'capacityGb': 512}],"
                        + " 'tpmCleared': true, 'uefiReset': true, 'labelsRemoved': true, 'removableMediaRemoved': true,"
                        + " 'collectedOn': '2025-03-12', 'collectionLocation': 'Magasin DSI', 'inspectionNotes': '',"
                        + " 'completedBy': {'userId': 'technicien', 'displayName': 'technicien',"
                        + " 'taskElementId': 'collect-asset'}}")));

    // the list the redirect leads to, in the same session, says so once
    mvc.perform(get("/tasks").with(TECHNICIAN).cookie(completed.getResponse().getCookie("SESSION")))
        .andExpect(
            xpath("//p[@role='status' and contains(@class, 'alert-ok')]")
                .string("La tâche « Collecter et inspecter l'équipement » est terminée. Merci !"));
  }

  @Test
  void shouldShowTheErrorsAndKeepTheValuesWithoutCallingTheRuntime() throws Exception {
    collectTask(task(11).assignee("technicien"));
    mvc.perform(
            post("/tasks/11")
                .param("conditionGrade", "B")
                .param("storageDevices[0]._row", "1")
                .param("storageDevices[0].serialNumber", "S4EV")
                .param("storageDevices[0].capacityGb", "douze")
                .param("collectionLocation", "Magasin DSI")
                .with(TECHNICIAN)
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(
            xpath("//title").string("Erreur : Collecter et inspecter l'équipement — Seconde Vie"))
        .andExpect(xpath("//div[@id='resume-erreurs']/@role").string("alert"))
        .andExpect(
            xpath("//div[@id='resume-erreurs']/h3").string("Le formulaire contient 8 erreurs"))
        .andExpect(
            xpath("//div[@id='resume-erreurs']//a[@href='#f-field-functional-test-0']")
                .string("Test de fonctionnement : Choisissez une option."))
        .andExpect(
            xpath("//div[@id='resume-erreurs']//a[@href='#f-field-storage-capacity-0']")
                .string(
                    "Capacité (Go) (Supports de stockage, ligne 1) : Saisissez un nombre, par exemple 12 ou 12,5."))
        .andExpect(xpath("//input[@id='f-field-storage-capacity-0']/@aria-invalid").string("true"))
        .andExpect(
            xpath("//input[@id='f-field-storage-capacity-0']/@aria-describedby")
                .string("f-field-storage-capacity-0-hint f-field-storage-capacity-0-err"))
        .andExpect(
            xpath("//p[@id='f-field-storage-capacity-0-err']")
                .string("Erreur : Saisissez un nombre, par exemple 12 ou 12,5."))
        .andExpect(xpath("//input[@id='f-field-storage-capacity-0']/@value").string("douze"))
        .andExpect(xpath("//input[@id='f-field-collection-location']/@value").string("Magasin DSI"))
        .andExpect(xpath("//input[@id='f-field-condition-grade-1']/@checked").exists());
    verify(runtime, never()).complete(anyLong(), any());
    verify(runtime, never()).assign(anyLong(), anyString());
  }

  @Test
  void shouldAddARowWithoutJavaScriptAndCompleteNothing() throws Exception {
    collectTask(task(12));
    mvc.perform(collection(12).param("_action", "add:storageDevices").with(TECHNICIAN).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(xpath("//input[@name='storageDevices[1].serialNumber']").exists())
        .andExpect(xpath("//input[@name='storageDevices[0].serialNumber']/@value").string("S4EV"))
        .andExpect(xpath("//div[@id='resume-erreurs']").doesNotExist());
    verify(runtime, never()).complete(anyLong(), any());
  }

  @Test
  void shouldSayInFrenchWhenTheRuntimeRefusesTheCompletion() throws Exception {
    collectTask(task(13).assignee("technicien"));
    doThrow(new TaskRuntimeException(TaskRuntimeException.Kind.NOT_FOUND, "not found", null))
        .when(runtime)
        .complete(eq(13L), any());
    mvc.perform(completeCollection(13).with(TECHNICIAN).with(csrf()))
        .andExpect(status().isNotFound())
        .andExpect(xpath("//p[@role='alert']").string(containsString("Cette tâche n'existe plus")))
        // the values are kept
        .andExpect(
            xpath("//input[@id='f-field-collection-location']/@value").string("Magasin DSI"));

    collectTask(task(14).assignee("technicien"));
    doThrow(new TaskRuntimeException(TaskRuntimeException.Kind.CONFLICT, "conflict", null))
        .when(runtime)
        .complete(eq(14L), any());
    mvc.perform(completeCollection(14).with(TECHNICIAN).with(csrf()))
        .andExpect(status().isConflict())
        .andExpect(
            xpath("//p[@role='alert']").string(containsString("Cette tâche a changé entre-temps")));
  }

  @Test
  void shouldRefuseToCompleteATaskAssignedToSomeoneElse() throws Exception {
    collectTask(task(15).assignee("technicienne"));
    mvc.perform(completeCollection(15).with(TECHNICIAN).with(csrf()))
        .andExpect(status().isConflict())
        .andExpect(
            xpath("//p[@role='alert']")
                .string(
                    "Cette tâche est assignée à technicienne : seule cette personne peut la terminer, ou la libérer pour vous."));
    verify(runtime, never()).complete(anyLong(), any());
    // the assignee may
    mvc.perform(completeCollection(15).with(OTHER_TECHNICIAN).with(csrf()))
        .andExpect(redirectedUrl("/tasks"));
    verify(runtime, never()).assign(anyLong(), anyString());
    verify(runtime).complete(eq(15L), any());
  }

  @Test
  void shouldExplainWhenATaskIsGoneOrAlreadyDone() throws Exception {
    when(runtime.get(16))
        .thenThrow(new TaskRuntimeException(TaskRuntimeException.Kind.NOT_FOUND, "404", null));
    mvc.perform(get("/tasks/16").with(TECHNICIAN))
        .andExpect(status().isNotFound())
        .andExpect(xpath("//h1").string("Tâche indisponible"))
        .andExpect(xpath("//p[@role='alert']").string(containsString("Cette tâche n'existe plus")));

    when(runtime.get(17)).thenReturn(task(17).state("COMPLETED").build());
    mvc.perform(get("/tasks/17").with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(
            xpath("//p[@role='alert']")
                .string("Cette tâche a déjà été terminée, peut-être par quelqu'un d'autre."));
    mvc.perform(completeCollection(17).with(TECHNICIAN).with(csrf()))
        .andExpect(status().isConflict());

    when(runtime.search(any()))
        .thenThrow(new TaskRuntimeException(TaskRuntimeException.Kind.UNAVAILABLE, "down", null));
    mvc.perform(get("/tasks").with(TECHNICIAN))
        .andExpect(status().isServiceUnavailable())
        .andExpect(content().string(containsString("Le moteur de processus ne répond pas")));
    verify(runtime, never()).complete(anyLong(), any());
  }

  @Test
  void shouldCompleteATaskWithoutFormAndRefuseAnExternalOne() throws Exception {
    when(runtime.get(18)).thenReturn(task(18).withoutForm().build());
    when(runtime.form(18)).thenReturn(Optional.empty());
    when(runtime.variables(18)).thenReturn(Map.of());
    mvc.perform(get("/tasks/18").with(TECHNICIAN))
        .andExpect(
            xpath("//section//p[@class='alert']")
                .string(
                    "Cette tâche n'a pas de formulaire : la terminer ne transmet aucune donnée."))
        .andExpect(xpath("//button[@value='complete' and not(@aria-hidden)]").exists());
    mvc.perform(post("/tasks/18").with(TECHNICIAN).with(csrf())).andExpect(redirectedUrl("/tasks"));
    // no form data, only who completed the task
    verify(runtime)
        .complete(
            18L,
            Map.of(
                "completedBy",
                Map.of(
                    "userId", "technicien",
                    "displayName", "technicien",
                    "taskElementId", "collect-asset")));

    when(runtime.get(19)).thenReturn(task(19).external("https://forms.chu.fr/x").build());
    when(runtime.variables(19)).thenReturn(Map.of());
    mvc.perform(get("/tasks/19").with(TECHNICIAN))
        .andExpect(content().string(containsString("formulaire externe")))
        .andExpect(content().string(not(containsString("Terminer la tâche"))));
    mvc.perform(post("/tasks/19").with(TECHNICIAN).with(csrf())).andExpect(status().isConflict());
    verify(runtime, never()).complete(eq(19L), any());
  }

  @Test
  void shouldReevaluateConditionsForThePageScript() throws Exception {
    TaskInfo approval =
        task(20)
            .named("Approuver la cession gratuite", "approve-donation")
            .groups("DIRECTOR")
            .build();
    when(runtime.get(20)).thenReturn(approval);
    when(runtime.form(20)).thenReturn(Optional.of(form("approve-donation")));
    when(runtime.variables(20)).thenReturn(Map.of());
    mvc.perform(
            post("/tasks/20/visibility")
                .param("donationDecision", "APPROVED")
                .with(DIRECTOR)
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.hidden[0]").value("f-field-refusal-reason"));
    mvc.perform(
            post("/tasks/20/visibility")
                .param("donationDecision", "REFUSED")
                .with(DIRECTOR)
                .with(csrf()))
        .andExpect(jsonPath("$.hidden").isEmpty());
  }
}
