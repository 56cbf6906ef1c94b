package fr.secondevie.inventory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.secondevie.inventory.glpi.GlpiImportService;
import fr.secondevie.inventory.glpi.ImportQueueFullException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.ui.ExtendedModelMap;

/**
 * {@code POST /api/assets/import} beyond the queue: 429 for the user's quota, 503 for everyone's.
 */
class ImportQueueAnswerTests {

  final ApiExceptionHandler handler = new ApiExceptionHandler();

  @Test
  void shouldAnswer429WhenTheUsersOwnImportsFillTheirQuota() {
    // when
    ResponseEntity<ProblemDetail> answer =
        handler.importQueueFull(
            new ImportQueueFullException(true, 2, "Vous avez déjà 2 import(s) en attente"));

    // then
    assertThat(answer.getStatusCode().value()).isEqualTo(429);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("60");
    assertThat(answer.getBody().getTitle())
        .isEqualTo("Trop d'imports en attente : rien n'a été enregistré");
    assertThat(answer.getBody().getDetail()).isEqualTo("Vous avez déjà 2 import(s) en attente");
    assertThat(answer.getBody().getProperties()).containsEntry("limit", 2);
  }

  @Test
  void shouldAnswer503WhenEveryonesImportsFillTheQueue() {
    ResponseEntity<ProblemDetail> answer =
        handler.importQueueFull(new ImportQueueFullException(false, 6, "6 imports"));

    assertThat(answer.getStatusCode().value()).isEqualTo(503);
  }

  @Test
  void shouldShowTheRefusalOnTheImportPageWith429() throws Exception {
    // given
    GlpiImportService imports = mock(GlpiImportService.class);
    when(imports.start(any(), any(), eq("gestionnaire")))
        .thenThrow(new ImportQueueFullException(true, 2, "Vous avez déjà 2 import(s) en attente"));
    ImportController controller = new ImportController(imports);
    ExtendedModelMap model = new ExtendedModelMap();
    MockHttpServletResponse response = new MockHttpServletResponse();

    // when
    String view =
        controller.upload(
            new MockMultipartFile("file", "glpi.csv", "text/csv", "x".getBytes()),
            () -> "gestionnaire",
            model,
            response);

    // then
    assertThat(view).isEqualTo("imports/new");
    assertThat(response.getStatus()).isEqualTo(429);
    assertThat(model.getAttribute("fileError")).isEqualTo("Vous avez déjà 2 import(s) en attente");
  }
}
