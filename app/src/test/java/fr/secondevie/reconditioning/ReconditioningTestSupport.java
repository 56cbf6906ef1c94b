package fr.secondevie.reconditioning;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reconditioners and jobs for the reconditioning tests. */
final class ReconditioningTestSupport {

  private static final AtomicLong KEYS = new AtomicLong(2_251_799_814_100_000L);

  private ReconditioningTestSupport() {}

  /** No order and no reconditioner (the migration's workshop included). */
  static void clean(JdbcTemplate jdbc) {
    jdbc.update("DELETE FROM reconditioning_order");
    jdbc.update("DELETE FROM reconditioner");
  }

  static Reconditioner workshop(ReconditionerRegistry registry) {
    return registry.create(
        new ReconditionerForm("Atelier de la DSI", Channel.INTERNAL_WORKSHOP, null, null, true));
  }

  static Reconditioner supplier(ReconditionerRegistry registry, String name) {
    return registry.create(
        new ReconditionerForm(name, Channel.SUPPLIER, "SUP-0042", "atelier@recond.example", true));
  }

  static ActivatedJob job(String type) {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getType()).thenReturn(type);
    when(job.getElementInstanceKey()).thenReturn(KEYS.incrementAndGet());
    return job;
  }
}
