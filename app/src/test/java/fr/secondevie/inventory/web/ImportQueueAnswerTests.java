package fr.secondevie.inventory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.secondevie.inventory.glpi.GlpiImportService;
import fr.secondevie.inventory.glpi.ImportQueueFullException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.ui.ExtendedModelMap;

/**
 * The import page beyond the queue: the refusal shown with 429 (the API's answer is in {@code
 * common.RefusedRequestAnswersTests}).
 */
class ImportQueueAnswerTests {

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
