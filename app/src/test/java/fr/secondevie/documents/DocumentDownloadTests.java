package fr.secondevie.documents;

import static fr.secondevie.security.Role.ADMIN;
import static fr.secondevie.security.Role.ASSET_MANAGER;
import static fr.secondevie.security.Role.AUDITOR;
import static fr.secondevie.security.Role.BUYER;
import static fr.secondevie.security.Role.DIRECTOR;
import static fr.secondevie.security.Role.EVALUATOR;
import static fr.secondevie.security.Role.TECHNICIAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.secondevie.security.Role;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A document is downloaded only by the roles of the module it belongs to: 403 for the others, 404
 * for an unknown id, the login page for an anonymous visitor.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DocumentDownloadTests {

  @Autowired MockMvc mvc;
  @Autowired DocumentService documents;

  StoredDocument stored(DocumentKind kind, String ownerRef) {
    return documents.store(
        NewDocument.pdf(
            kind,
            kind.name().toLowerCase() + ".pdf",
            ("%PDF-1.4 " + kind).getBytes(StandardCharsets.US_ASCII),
            ownerRef,
            "test"));
  }

  static RequestPostProcessor as(Role role) {
    return user(role.name().toLowerCase()).roles(role.name());
  }

  void assertReadersOf(StoredDocument document, Set<Role> readers) throws Exception {
    for (Role role : Role.values()) {
      var result = mvc.perform(get("/documents/" + document.publicId()).with(as(role)));
      if (readers.contains(role)) {
        result
            .andExpect(status().isOk())
            .andExpect(header().string("X-Content-SHA256", document.sha256()))
            .andExpect(content().contentType("application/pdf"));
      } else {
        result.andExpect(status().isForbidden());
      }
    }
  }

  @Test
  void shouldLetOnlySanitizationRolesReadACertificate() throws Exception {
    // given
    StoredDocument certificate =
        stored(DocumentKind.SANITIZATION_CERTIFICATE, "asset:" + UUID.randomUUID());

    // when / then
    assertReadersOf(certificate, EnumSet.of(TECHNICIAN, ASSET_MANAGER, AUDITOR, ADMIN));
  }

  @Test
  void shouldLetOnlyDonationRolesReadADonationAgreement() throws Exception {
    // given
    StoredDocument agreement =
        stored(DocumentKind.DONATION_AGREEMENT, "asset:" + UUID.randomUUID());

    // when / then
    assertReadersOf(agreement, EnumSet.of(DIRECTOR, ASSET_MANAGER, AUDITOR, ADMIN));
  }

  @Test
  void shouldLetOnlyPurchasingRolesReadSupplierEvidence() throws Exception {
    // given
    StoredDocument evidence =
        stored(DocumentKind.SUPPLIER_EVIDENCE, "supplier-application:" + UUID.randomUUID());

    // when / then
    assertReadersOf(evidence, EnumSet.of(BUYER, EVALUATOR, ADMIN));
  }

  @Test
  void shouldLetDonationRolesReadABeneficiarysProof() throws Exception {
    // given
    StoredDocument proof = stored(DocumentKind.OTHER, "donation-beneficiary:" + UUID.randomUUID());

    // when / then
    assertReadersOf(proof, EnumSet.of(DIRECTOR, ASSET_MANAGER, AUDITOR, ADMIN));
  }

  @Test
  void shouldGiveEveryKindReadersIncludingTheCustodyRoles() {
    // given every kind of document, of an asset
    for (DocumentKind kind : DocumentKind.values()) {
      StoredDocument document =
          new StoredDocument(
              1L, "x", kind, "f.pdf", "application/pdf", 1, "0", "asset:A", "t", null);

      // when
      Set<Role> readers = DocumentReaders.of(document);

      // then: whoever answers for the asset's chain of custody reads its evidence
      if (kind == DocumentKind.SUPPLIER_EVIDENCE) {
        assertThat(readers).as(kind.name()).containsExactlyInAnyOrder(BUYER, EVALUATOR, ADMIN);
      } else {
        assertThat(readers).as(kind.name()).contains(ASSET_MANAGER, AUDITOR, ADMIN);
      }
    }
  }

  @Test
  void shouldAnswer404ForAnUnknownDocumentAndSendAnonymousVisitorsToLogIn() throws Exception {
    // given
    StoredDocument certificate =
        stored(DocumentKind.SANITIZATION_CERTIFICATE, "asset:" + UUID.randomUUID());

    // when / then
    mvc.perform(get("/documents/" + UUID.randomUUID()).with(as(ADMIN)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/documents/" + certificate.publicId()))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/login"));
  }
}
