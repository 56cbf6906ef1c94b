package fr.secondevie.donation;

import fr.secondevie.documents.PdfRenderer;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.CustodyText;
import fr.secondevie.inventory.StorageDevice;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Renders the convention de cession à titre gratuit (template {@code pdf/donation-agreement}): the
 * parties, the legal basis (CGPPP L3212-2 3°, L3212-3, D.3212-3), the asset with its serial numbers
 * and the certificates of its storage media, the no-resale clause or, for public-utility and
 * general-interest associations, the solidarity-price clause with its cap, the transfer of
 * ownership and of the responsibility for the future waste (DEEE), and the signatures.
 */
@Component
class AgreementRenderer {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final PdfRenderer pdf;
  private final Map<String, String> donor;

  AgreementRenderer(
      PdfRenderer pdf,
      @Value("${secondevie.organisation.name:Centre hospitalier universitaire}") String name,
      @Value("${secondevie.organisation.address:}") String address,
      @Value("${secondevie.organisation.siret:}") String siret,
      @Value("${secondevie.organisation.city:}") String city,
      @Value("${secondevie.organisation.signatory:le directeur général ou son délégataire}")
          String signatory) {
    this.pdf = pdf;
    this.donor =
        Map.of(
            "name", name,
            "address", address,
            "siret", siret,
            "city", city,
            "signatory", signatory);
  }

  /** A wipe or destruction certificate cited by the asset's chain of custody. */
  record Certificate(String details, String evidence, Instant recordedAt) {}

  byte[] render(
      Donation donation,
      Beneficiary beneficiary,
      Asset asset,
      Proposal.LegalCheck legalCheck,
      List<Certificate> certificates,
      String approvalComment,
      String approverName,
      Instant now) {
    return pdf.render(
        "donation-agreement",
        model(
            donation,
            beneficiary,
            asset,
            legalCheck,
            certificates,
            approvalComment,
            approverName,
            now));
  }

  Map<String, Object> model(
      Donation donation,
      Beneficiary beneficiary,
      Asset asset,
      Proposal.LegalCheck legalCheck,
      List<Certificate> certificates,
      String approvalComment,
      String approverName,
      Instant now) {
    Map<String, Object> model = new HashMap<>();
    model.put("approverName", approverName);
    LocalDate today = now.atZone(BeneficiaryRegistry.PARIS).toLocalDate();
    model.put("number", donation.agreementNumber());
    model.put("date", DATE.format(today));
    model.put("donor", donor);
    model.put("beneficiary", beneficiary);
    model.put("category", beneficiary.legalCategory());
    model.put(
        "commitmentDate",
        beneficiary.reuseCommitmentSignedOn() == null
            ? null
            : DATE.format(beneficiary.reuseCommitmentSignedOn()));
    model.put("asset", asset);
    model.put(
        "acquisitionDate",
        asset.acquisitionDate() == null ? "—" : DATE.format(asset.acquisitionDate()));
    model.put(
        "residualValue",
        legalCheck == null || legalCheck.residualUnitValue() == null
            ? null
            : euros(legalCheck.residualUnitValue()));
    model.put(
        "ageYears",
        legalCheck == null || legalCheck.ageYears() == null
            ? null
            : CustodyText.years(legalCheck.ageYears()));
    List<StorageDevice> media =
        asset.storageDevices().stream()
            .sorted(java.util.Comparator.comparing(StorageDevice::serialNumber))
            .toList();
    model.put("media", media);
    model.put(
        "certificates",
        certificates.stream()
            .map(
                c ->
                    Map.of(
                        "details", c.details() == null ? "" : CustodyText.plain(c.details()),
                        "evidence", c.evidence() == null ? "" : c.evidence(),
                        "date", DATE.format(c.recordedAt().atZone(BeneficiaryRegistry.PARIS))))
            .toList());
    boolean solidarity = beneficiary.legalCategory().solidarityResaleAllowed();
    model.put("solidarity", solidarity);
    model.put(
        "solidarityCap",
        SolidarityPrices.capCents(asset.category())
            .map(c -> euros(BigDecimal.valueOf(c, 2)))
            .orElse(null));
    model.put(
        "approvalComment",
        approvalComment == null || approvalComment.isBlank() ? null : approvalComment);
    return model;
  }

  /**
   * The receipt to print with the agreement and have signed at the handover (template {@code
   * pdf/handover-receipt}): the parties, the equipment with its serial numbers, the date and
   * signature blocks, the approver when known.
   */
  byte[] renderReceipt(
      String receiptNumber,
      Donation donation,
      Beneficiary beneficiary,
      Asset asset,
      String approverName,
      Instant now) {
    Map<String, Object> model = new HashMap<>();
    model.put("number", receiptNumber);
    model.put("agreementNumber", donation.agreementNumber());
    model.put("date", DATE.format(now.atZone(BeneficiaryRegistry.PARIS).toLocalDate()));
    model.put("donor", donor);
    model.put("beneficiary", beneficiary);
    model.put("category", beneficiary.legalCategory());
    model.put("asset", asset);
    model.put("approverName", approverName);
    model.put(
        "media",
        asset.storageDevices().isEmpty()
            ? "aucun"
            : asset.storageDevices().stream()
                    .map(d -> d.type().label() + " " + d.serialNumber())
                    .sorted()
                    .collect(java.util.stream.Collectors.joining(", "))
                + " : effacés, certificats cités par la convention");
    return pdf.render("handover-receipt", model);
  }

  /** 150.00 → "150,00 €" */
  static String euros(BigDecimal amount) {
    return fr.secondevie.common.FrenchFormats.euros(amount);
  }
}
