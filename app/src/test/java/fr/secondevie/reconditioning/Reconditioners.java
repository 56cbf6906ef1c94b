package fr.secondevie.reconditioning;

import fr.secondevie.processes.AssetEndOfLifeProcess.ReconditioningResults;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reconditioners and completions for the tests of other packages (process tests), through the
 * registry and the completion service the workshop page and the API use.
 */
public final class Reconditioners {

  private Reconditioners() {}

  /** No order and no reconditioner. */
  public static void clean(JdbcTemplate jdbc) {
    ReconditioningTestSupport.clean(jdbc);
  }

  /**
   * Leaves the registry as the migration created it (the DSI's workshop only), for the test classes
   * that rely on it.
   */
  public static void restore(ApplicationContext context) {
    clean(context.getBean(JdbcTemplate.class));
    workshop(context);
  }

  /** The DSI's workshop (internal reuse). */
  public static void workshop(ApplicationContext context) {
    ReconditioningTestSupport.workshop(context.getBean(ReconditionerRegistry.class));
  }

  /** A referenced supplier (reconditioning). */
  public static void supplier(ApplicationContext context, String name) {
    ReconditioningTestSupport.supplier(context.getBean(ReconditionerRegistry.class), name);
  }

  /**
   * The workshop reports the asset's open order done, as {@code POST
   * /api/reconditioning-orders/{id}/completion} does: recorded, then {@code
   * ReconditioningCompleted} published.
   *
   * @return the order's number
   */
  public static String completeTheOrderOf(ApplicationContext context, long assetId, String result) {
    ReconditioningService service = context.getBean(ReconditioningService.class);
    ReconditioningOrder order =
        service.orders().stream()
            .filter(o -> o.assetId() == assetId && o.status() != OrderStatus.COMPLETED)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no open order for asset " + assetId));
    boolean reconditioned = ReconditioningResults.RECONDITIONED.equals(result);
    service.complete(
        order.id(),
        new Completion(
            result,
            reconditioned
                ? "Disque remplacé, nettoyage, réinstallation"
                : "Carte mère hors service",
            reconditioned ? "SSD 256 Go" : null,
            reconditioned ? 4_500L : 1_500L,
            reconditioned ? "A" : null,
            reconditioned ? 24 : null),
        "technicien");
    return order.number();
  }
}
