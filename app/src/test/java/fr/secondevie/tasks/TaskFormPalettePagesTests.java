package fr.secondevie.tasks;

import static fr.secondevie.tasks.InboxFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.StoredDocument;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A task form using the palette of Camunda 8.8 beyond plain fields, through the whole web stack:
 * the page shows each component (with the Content-Security-Policy they need and nothing more), a
 * file picker's upload lands in the document store and completes the task with its Camunda document
 * reference, which the task page then serves.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TaskFormPalettePagesTests {

  static final RequestPostProcessor TECHNICIAN = user("technicien").roles("TECHNICIAN");

  static final String FORM =
      ("{'id':'palette-check','type':'default','schemaVersion':18,'components':["
              + "{'id':'intro','type':'html','content':'<p>Poste <b>{{site}}</b></p><script>alert(1)</script>'},"
              + "{'id':'logo','type':'image','source':'data:image/png;base64,iVBORw0KGgo=','alt':'Logo du CHU'},"
              + "{'id':'drives','type':'table','label':'Disques','dataSource':'=drives','rowCount':10,"
              + "'columns':[{'label':'Série','key':'serial'}]},"
              + "{'id':'map','type':'iframe','label':'Plan','url':'https://example.org/plan','security':{'allowScripts':true}},"
              + "{'id':'evidence','key':'evidence','label':'Procès-verbal','type':'filepicker','multiple':true,"
              + "'validate':{'required':true},'layout':{'row':'Row_1','columns':8}},"
              + "{'id':'count','key':'fileCount','type':'expression','expression':'=count(evidence)','computeOn':'presubmit'},"
              + "{'id':'seen','type':'documentPreview','label':'Pièces déjà jointes','dataSource':'=previous',"
              + "'layout':{'row':'Row_1','columns':8}},"
              + "{'id':'go','type':'button','label':'Envoyer','action':'submit'}]}")
          .replace('\'', '"');

  @Autowired MockMvc mvc;
  @Autowired DocumentService documents;
  @MockitoBean TaskRuntime runtime;

  @BeforeEach
  void noTasks() {
    when(runtime.search(any())).thenReturn(new TaskSearchResult(List.of(), 0));
  }

  private void paletteTask(long key, Map<String, Object> variables) {
    TaskInfo info = task(key).named("Vérifier le poste", "check-palette").build();
    when(runtime.get(key)).thenReturn(info);
    when(runtime.form(key)).thenReturn(Optional.of(FORM));
    when(runtime.variables(key)).thenReturn(variables);
  }

  private static byte[] pdf() {
    return "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
        .getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void shouldShowEveryComponentWithOnlyTheSourcesTheyNeed() throws Exception {
    // given a task with that form
    paletteTask(
        20,
        Map.of(
            "site",
            "Nord <Rouen>",
            "drives",
            List.of(Map.of("serial", "S4EV"), Map.of("serial", "WD-1"))));

    // when / then its page shows each component; no host is allowed by default
    mvc.perform(get("/tasks/20").with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(
            header()
                .string(
                    "Content-Security-Policy",
                    allOf(
                        containsString("img-src 'self' data:;"),
                        containsString("frame-src 'none'"))))
        .andExpect(xpath("//form[@class='form task-form']/@enctype").string("multipart/form-data"))
        .andExpect(xpath("//div[@class='form-html']/p/b").string("Nord <Rouen>"))
        .andExpect(xpath("//div[@class='form-html']//script").doesNotExist())
        .andExpect(xpath("//figure[@id='f-logo']/img/@alt").string("Logo du CHU"))
        .andExpect(xpath("//table[@id='f-drives']/tbody/tr[2]/td").string("WD-1"))
        .andExpect(xpath("//iframe").doesNotExist())
        .andExpect(
            xpath("//p[@id='f-map']")
                .string(
                    "Contenu externe non affiché : le site « example.org » n'est pas dans la liste"
                        + " des sites autorisés."))
        .andExpect(xpath("//input[@type='file' and @name='evidence']/@multiple").exists())
        .andExpect(xpath("//label[@for='f-evidence']").string(containsString("Procès-verbal")))
        .andExpect(
            xpath("//div[@class='form-layout-row']/div[@class='form-col form-col-8']").nodeCount(2))
        .andExpect(xpath("//div[@id='f-seen']").string(containsString("Aucun document.")))
        .andExpect(xpath("//button[@id='f-go' and @type='submit']/@value").string("complete"))
        .andExpect(content().string(not(containsString("fileCount"))));
  }

  @Test
  void shouldKeepTheUploadInTheDocumentStoreAndCompleteWithItsReference() throws Exception {
    // given a task with that form
    paletteTask(21, Map.of());

    // when the technician sends a PDF and completes
    mvc.perform(
            multipart("/tasks/21")
                .file(new MockMultipartFile("evidence", "pv.pdf", "application/pdf", pdf()))
                .param("_action", "complete")
                .with(TECHNICIAN)
                .with(csrf()))
        .andExpect(redirectedUrl("/tasks"));

    // then the task is completed with the Camunda reference of the stored document
    @SuppressWarnings("unchecked")
    ArgumentCaptor<Map<String, Object>> sent = ArgumentCaptor.forClass(Map.class);
    verify(runtime).complete(eq(21L), sent.capture());
    List<?> evidence = (List<?>) sent.getValue().get("evidence");
    assertThat(evidence).hasSize(1);
    Map<?, ?> reference = (Map<?, ?>) evidence.get(0);
    assertThat(reference.get("camunda.document.type")).isEqualTo("camunda");
    assertThat(reference.get("storeId")).isEqualTo("secondevie");
    Map<?, ?> metadata = (Map<?, ?>) reference.get("metadata");
    assertThat(metadata.get("fileName")).isEqualTo("pv.pdf");
    assertThat(metadata.get("contentType")).isEqualTo("application/pdf");
    assertThat(sent.getValue().get("fileCount").toString()).isEqualTo("1");
    String documentId = reference.get("documentId").toString();
    StoredDocument stored = documents.find(documentId).orElseThrow();
    assertThat(stored.ownerRef()).isEqualTo("task-form:21");
    assertThat(stored.createdBy()).isEqualTo("technicien");
    assertThat(reference.get("contentHash")).isEqualTo(stored.sha256());

    // and the task's page serves it to whoever may work the task, not through another task
    mvc.perform(get("/tasks/21/documents/" + documentId).with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "application/pdf"))
        .andExpect(content().bytes(pdf()));
    paletteTask(22, Map.of());
    mvc.perform(get("/tasks/22/documents/" + documentId).with(TECHNICIAN))
        .andExpect(status().isNotFound());
    // unless a later task's variables refer to it (a document preview of the same process)
    paletteTask(23, Map.of("previous", List.of(reference)));
    mvc.perform(get("/tasks/23/documents/" + documentId).with(TECHNICIAN))
        .andExpect(status().isOk());
    mvc.perform(get("/tasks/23").with(TECHNICIAN))
        .andExpect(
            xpath("//div[@id='f-seen']//a/@href").string("/tasks/23/documents/" + documentId));
  }

  @Test
  void shouldRefuseAFileOfAnotherTypeAndCompleteNothing() throws Exception {
    // given a task with that form
    paletteTask(24, Map.of());

    // when the file sent is an executable named .pdf
    mvc.perform(
            multipart("/tasks/24")
                .file(
                    new MockMultipartFile(
                        "evidence",
                        "pv.pdf",
                        "application/pdf",
                        "MZ\u0090\u0000binary".getBytes(StandardCharsets.ISO_8859_1)))
                .param("_action", "complete")
                .with(TECHNICIAN)
                .with(csrf()))
        // then the page says why, on the field, and the task is not completed
        .andExpect(status().isOk())
        .andExpect(
            xpath("//p[@id='f-evidence-err']")
                .string(containsString("n'est pas d'un type accepté")))
        .andExpect(xpath("//div[@id='resume-erreurs']//a/@href").string("#f-evidence"));
    verify(runtime, never()).complete(anyLong(), any());
    assertThat(documents.ownedBy("task-form:24")).isEmpty();
  }
}
