package fr.secondevie.common;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.IllegalStatusTransitionException;
import fr.secondevie.inventory.glpi.ImportQueueFullException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The API's one handler answers each module's refusals by their reason: 404, 409, 429 or 503 with
 * Retry-After, the module's title and details.
 */
class RefusedRequestAnswersTests {

  final ApiErrorHandler handler = new ApiErrorHandler();

  @Test
  void shouldAnswer429WhenTheUsersOwnImportsFillTheirQuota() {
    // when
    ResponseEntity<ProblemDetail> answer =
        handler.refused(
            new ImportQueueFullException(true, 2, "Vous avez déjà 2 import(s) en attente"));

    // then
    assertThat(answer.getStatusCode().value()).isEqualTo(429);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("60");
    assertThat(answer.getBody().getStatus()).isEqualTo(429);
    assertThat(answer.getBody().getTitle())
        .isEqualTo("Trop d'imports en attente : rien n'a été enregistré");
    assertThat(answer.getBody().getDetail()).isEqualTo("Vous avez déjà 2 import(s) en attente");
    assertThat(answer.getBody().getProperties()).containsEntry("limit", 2);
  }

  @Test
  void shouldAnswer503WhenEveryonesImportsFillTheQueue() {
    // when
    ResponseEntity<ProblemDetail> answer =
        handler.refused(new ImportQueueFullException(false, 6, "6 imports"));

    // then
    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("60");
  }

  @Test
  void shouldAnswer404And409WithTheirDetailsAndNoRetryAfter() {
    // when
    ResponseEntity<ProblemDetail> unknown = handler.refused(new UnknownLot("L-9"));
    ResponseEntity<ProblemDetail> transition =
        handler.refused(
            new IllegalStatusTransitionException(
                "INV-1", AssetStatus.RECYCLED, AssetStatus.SANITIZED));

    // then
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(unknown.getHeaders().containsKey(HttpHeaders.RETRY_AFTER)).isFalse();
    assertThat(unknown.getBody().getTitle()).isEqualTo("Lot inconnu");
    assertThat(unknown.getBody().getDetail()).isEqualTo("Aucun lot n'a le numéro L-9.");
    assertThat(unknown.getBody().getProperties()).containsEntry("lot", "L-9");
    assertThat(transition.getStatusCode().value()).isEqualTo(409);
    assertThat(transition.getBody().getProperties())
        .containsEntry("from", AssetStatus.RECYCLED)
        .containsEntry("to", AssetStatus.SANITIZED)
        .containsEntry("allowed", AssetStatus.RECYCLED.allowedNext());
  }

  /** A module's refusal as a feature writes one. */
  static class UnknownLot extends RefusedRequestException {
    private final String lot;

    UnknownLot(String lot) {
      super(Reason.NOT_FOUND, "Lot inconnu", "Aucun lot n'a le numéro " + lot + ".");
      this.lot = lot;
    }

    @Override
    public Map<String, Object> details() {
      return Map.of("lot", lot);
    }
  }
}
