package fr.secondevie.inventory.glpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queued GLPI imports are bounded: 2 waiting or running per user, a few for everyone. Beyond, the
 * upload is refused before anything is recorded; a finished import frees its place.
 */
class ImportQueueTests {

  ImportRunRepository runs = mock(ImportRunRepository.class);
  CountDownLatch importsMayRun = new CountDownLatch(1);
  AtomicLong ids = new AtomicLong();
  GlpiImportService service;

  @BeforeEach
  void aServiceWhoseImportsWait() {
    when(runs.save(any(ImportRun.class)))
        .thenAnswer(
            call -> {
              ImportRun run = call.getArgument(0);
              if (run.getId() == null) {
                ReflectionTestUtils.setField(run, "id", ids.incrementAndGet());
              }
              return run;
            });
    // the background import blocks on its first read until the test lets it go, then fails
    when(runs.findById(anyLong()))
        .thenAnswer(
            call -> {
              importsMayRun.await(10, TimeUnit.SECONDS);
              return Optional.empty();
            });
    service =
        new GlpiImportService(
            runs,
            mock(ImportWriter.class),
            mock(TransactionTemplate.class),
            Clock.fixed(Instant.parse("2026-11-29T09:00:00Z"), ZoneOffset.UTC),
            mock(ImportRunOwnership.class),
            2,
            3);
  }

  @AfterEach
  void stop() {
    importsMayRun.countDown();
    service.destroy();
  }

  static byte[] csv() {
    return "\"Numéro d'inventaire\";\n\"CHU-1\";\n"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void shouldRefuseAThirdPendingImportOfTheSameUserAndRecordNothing() {
    // given
    service.start("a.csv", csv(), "gestionnaire");
    service.start("b.csv", csv(), "gestionnaire");

    // when, then
    assertThatThrownBy(() -> service.start("c.csv", csv(), "gestionnaire"))
        .isInstanceOfSatisfying(
            ImportQueueFullException.class,
            e -> {
              assertThat(e.perUser()).isTrue();
              assertThat(e.limit()).isEqualTo(2);
              assertThat(e.getMessage())
                  .startsWith("Vous avez déjà 2 import(s) en attente ou en cours (2 au plus)");
            });
    verify(runs, times(2)).save(any(ImportRun.class));
  }

  @Test
  void shouldRefuseAnyImportOnceTheQueueIsFullForEveryone() {
    // given: three pending imports of two users
    service.start("a.csv", csv(), "gestionnaire");
    service.start("b.csv", csv(), "gestionnaire");
    service.start("c.csv", csv(), "admin");

    // when, then
    assertThatThrownBy(() -> service.start("d.csv", csv(), "autre"))
        .isInstanceOfSatisfying(
            ImportQueueFullException.class,
            e -> {
              assertThat(e.perUser()).isFalse();
              assertThat(e.getMessage()).contains("3 imports sont déjà en attente ou en cours");
            });
    verify(runs, times(3)).save(any(ImportRun.class));
  }

  @Test
  void shouldTakeImportsAgainOnceTheQueuedOnesAreDone() throws Exception {
    // given
    var first = service.start("a.csv", csv(), "gestionnaire");
    var second = service.start("b.csv", csv(), "gestionnaire");

    // when: both end
    importsMayRun.countDown();
    try {
      first.completion().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException ignored) {
      // the mocked repository makes the import itself fail: only its place in the queue matters
    }
    try {
      second.completion().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException ignored) {
      // same
    }

    // then
    assertThat(service.start("c.csv", csv(), "gestionnaire").run().getId()).isNotNull();
  }
}
