/**
 * Documents: every file that proves something — wipe certificates, destruction certificates,
 * donation agreements, signed receipts, dismantling orders, recycling certificates, EA
 * attestations, supplier evidence, published reports.
 *
 * <p>A {@link fr.secondevie.documents.StoredDocument} keeps its content, its SHA-256 (which chain
 * of custody entries cite as evidence) and who it belongs to ({@code ownerRef}, e.g. {@code
 * asset:INV-1234}). Uploaded files pass an {@link fr.secondevie.documents.UploadPolicy} (type
 * checked on the content's first bytes, not on the name; size capped) before anything is stored.
 * {@link fr.secondevie.documents.PdfRenderer} turns a Thymeleaf template under {@code
 * templates/pdf/} into a PDF.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package fr.secondevie.documents;
