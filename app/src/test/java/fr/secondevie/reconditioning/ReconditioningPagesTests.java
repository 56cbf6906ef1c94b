package fr.secondevie.reconditioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import fr.secondevie.documents.DocumentService;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.sanitization.CertificateService;
import fr.secondevie.sanitization.SanitizationPlanner;
import fr.secondevie.support.Assets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The workshop's pages and API: completion with its errors, roles, reconditioners. */
// Its mocks must not take the shared engine's jobs from the other test classes' contexts.
@SpringBootTest(properties = "camunda.client.worker.defaults.enabled=false")
@AutoConfigureMockMvc
class ReconditioningPagesTests {

  static final RequestPostProcessor TECHNICIAN = user("technicien").roles("TECHNICIAN");
  static final RequestPostProcessor AUDITOR = user("auditeur").roles("AUDITOR");
  static final RequestPostProcessor MANAGER = user("gestionnaire").roles("ASSET_MANAGER");

  @MockitoBean CompletionMessages messages;
  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReconditioningService service;
  @Autowired ReconditionerRegistry registry;
  @Autowired InventoryService inventory;
  @Autowired DocumentService documents;
  @Autowired SanitizationPlanner planner;
  @Autowired CertificateService certificates;

  long orderId;
  Asset asset;

  @BeforeEach
  void anOpenOrder() {
    ReconditioningTestSupport.clean(jdbc);
    reset(messages);
    ReconditioningTestSupport.workshop(registry);
    asset =
        new Assets(inventory, planner, certificates)
            .sanitizedThen(
                AssetCategory.DESKTOP, AssetStatus.RECONDITIONING, "S-" + System.nanoTime());
    orderId =
        service
            .createOrder(asset.id(), "INTERNAL_REUSE", "B", true, "op-" + System.nanoTime())
            .id();
  }

  @Test
  void shouldShowEveryErrorOfTheCompletionFormAndRecordNothing() throws Exception {
    mvc.perform(
            post("/reconditioning-orders/{id}/completion", orderId)
                .param("result", "RECONDITIONED")
                .param("workDone", "ok")
                .param("cost", "douze euros")
                .param("lifetimeExtensionMonths", "0")
                .with(TECHNICIAN)
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(xpath("//*[@id='error-summary']").exists())
        .andExpect(xpath("//textarea[@id='workDone']/@aria-invalid").string("true"))
        .andExpect(xpath("//*[@id='cost-error']").string(containsString("douze euros")))
        .andExpect(xpath("//*[@id='newGrade-error']").exists())
        .andExpect(xpath("//input[@id='lifetimeExtensionMonths']/@aria-invalid").string("true"))
        .andExpect(xpath("//input[@id='cost']/@value").string("douze euros"));
    assertThat(service.find(orderId).orElseThrow().status()).isEqualTo(OrderStatus.OPEN);
  }

  @Test
  void shouldLetATechnicianCompleteAndPublishOnce() throws Exception {
    // when
    mvc.perform(
            post("/reconditioning-orders/{id}/completion", orderId)
                .param("result", "RECONDITIONED")
                .param("workDone", "Dépoussiérage, SSD remplacé, Windows 11 réinstallé")
                .param("partsReplaced", "SSD 256 Go")
                .param("cost", "1 045,50")
                .param("newGrade", "B")
                .param("lifetimeExtensionMonths", "24")
                .with(TECHNICIAN)
                .with(csrf()))
        .andExpect(redirectedUrl("/reconditioning-orders/" + orderId));

    // then: the process told after the commit, once
    ReconditioningOrder order = service.find(orderId).orElseThrow();
    assertThat(order.costCents()).isEqualTo(104_550L);
    assertThat(order.completedBy()).isEqualTo("technicien");
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> service.find(orderId).orElseThrow().messagePublishedAt() != null);
    verify(messages, times(1)).publish(eq(orderId), eq(asset.id()), any());
    mvc.perform(get("/reconditioning-orders/{id}", orderId).with(AUDITOR))
        .andExpect(status().isOk())
        .andExpect(xpath("//form[contains(@action,'/completion')]").doesNotExist())
        .andExpect(xpath("//form[contains(@action,'/publish')]").doesNotExist());
  }

  @Test
  void shouldForbidAnAuditorToComplete() throws Exception {
    mvc.perform(
            post("/reconditioning-orders/{id}/completion", orderId)
                .param("result", "BEYOND_REPAIR")
                .with(AUDITOR)
                .with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(get("/reconditioning-orders").with(AUDITOR))
        .andExpect(status().isOk())
        .andExpect(
            xpath("//table[@id='orders']/tbody/tr[1]/td[1]/a").string(asset.inventoryNumber()));
  }

  @Test
  void shouldCompleteThroughTheApiWithProblemDetailsForWrongFields() throws Exception {
    mvc.perform(
            post("/api/reconditioning-orders/{id}/completion", orderId)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"result\": \"RECONDITIONED\", \"workDone\": \"Remise à neuf\", \"costCents\": -5}")
                .with(httpBasic("technicien", "demo")))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors[?(@.field == 'costCents')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'newGrade')]").exists());
    mvc.perform(
            post("/api/reconditioning-orders/{id}/completion", orderId)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"result\": \"BEYOND_REPAIR\", \"workDone\": \"Carte mère HS\", \"costCents\": 1500}")
                .with(httpBasic("technicien", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("COMPLETED"));
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> service.find(orderId).orElseThrow().messagePublishedAt() != null);
    verify(messages, times(1)).publish(eq(orderId), eq(asset.id()), any());
  }

  @Test
  void shouldLetManagersAddAndDeactivateReconditioners() throws Exception {
    mvc.perform(
            post("/reconditioners")
                .param("name", "Fournisseur")
                .param("channel", "SUPPLIER")
                .with(MANAGER)
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(xpath("//*[@id='supplierRef-error']").exists());
    mvc.perform(
            post("/reconditioners")
                .param("name", "Ateliers du Bocage")
                .param("channel", "SUPPLIER")
                .param("supplierRef", "SAD-2025-07")
                .param("active", "true")
                .with(MANAGER)
                .with(csrf()))
        .andExpect(redirectedUrl("/reconditioners"));
    mvc.perform(post("/reconditioners").param("name", "x").with(TECHNICIAN).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(get("/reconditioners").with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(xpath("//table[@id='reconditioners']/tbody/tr").nodeCount(2));
  }
}
