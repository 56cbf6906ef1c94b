package fr.secondevie.reconditioning;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * REST API of the reconditioning orders: a workshop's or supplier's system posts the completion
 * ({@code POST /api/reconditioning-orders/{id}/completion}, cost in cents), which is recorded and
 * then published to the asset's process.
 */
@RestController
@RequestMapping("/api")
@PreAuthorize("isAuthenticated()")
class ReconditioningApiController {

  private final ReconditioningService service;
  private final ReconditionerRegistry reconditioners;

  ReconditioningApiController(ReconditioningService service, ReconditionerRegistry reconditioners) {
    this.service = service;
    this.reconditioners = reconditioners;
  }

  record OrderJson(
      long id,
      String number,
      long assetId,
      String inventoryNumber,
      String route,
      Channel channel,
      long reconditionerId,
      String reconditionerName,
      String supplierRef,
      OrderStatus status,
      Instant createdAt,
      String result,
      String workDone,
      String partsReplaced,
      Long costCents,
      String newGrade,
      Integer lifetimeExtensionMonths,
      Instant completedAt,
      String completedBy,
      Instant messagePublishedAt) {

    static OrderJson of(ReconditioningOrder o) {
      return new OrderJson(
          o.id(),
          o.number(),
          o.assetId(),
          o.inventoryNumber(),
          o.route(),
          o.channel(),
          o.reconditionerId(),
          o.reconditionerName(),
          o.supplierRef(),
          o.status(),
          o.createdAt(),
          o.result(),
          o.workDone(),
          o.partsReplaced(),
          o.costCents(),
          o.newGrade(),
          o.lifetimeExtensionMonths(),
          o.completedAt(),
          o.completedBy(),
          o.messagePublishedAt());
    }
  }

  record ReconditionerJson(
      long id, String name, Channel channel, String supplierRef, String email, boolean active) {}

  @GetMapping("/reconditioning-orders")
  List<OrderJson> orders() {
    return service.orders().stream().map(OrderJson::of).toList();
  }

  @GetMapping("/reconditioning-orders/{id}")
  OrderJson order(@PathVariable long id) {
    return OrderJson.of(find(id));
  }

  /**
   * Records the completion; the asset's process is told after the commit (messagePublishedAt says
   * when, null until then or while the runtime cannot be reached).
   */
  @PostMapping("/reconditioning-orders/{id}/completion")
  @PreAuthorize(ReconditioningController.WORKSHOP)
  OrderJson complete(
      @PathVariable long id, @RequestBody Completion completion, Principal principal) {
    find(id);
    return OrderJson.of(service.complete(id, completion, principal.getName()));
  }

  @PostMapping("/reconditioning-orders/{id}/publish")
  @PreAuthorize(ReconditioningController.WORKSHOP)
  OrderJson publish(@PathVariable long id) {
    find(id);
    return OrderJson.of(service.publish(id));
  }

  @GetMapping("/reconditioners")
  List<ReconditionerJson> reconditioners() {
    return reconditioners.all().stream()
        .map(
            r ->
                new ReconditionerJson(
                    r.id(), r.name(), r.channel(), r.supplierRef(), r.email(), r.active()))
        .toList();
  }

  private ReconditioningOrder find(long id) {
    return service
        .find(id)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "Aucun ordre de remise en état n° " + id));
  }
}
