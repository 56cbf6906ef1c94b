package fr.secondevie.recycling;

import fr.secondevie.documents.PdfRenderer;
import fr.secondevie.notification.MailTemplates;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Renders the dismantling order (template {@code pdf/dismantling-order}) — lot, asset list with
 * serial numbers and estimated weights, pickup address, DEEE mentions (waste codes, the slip, the
 * register of R.541-43, the certificate and the attestation expected back) — and its e-mail.
 */
@Component
class OrderRenderer {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final PdfRenderer pdf;
  private final MailTemplates mails;
  private final Map<String, String> producer;

  OrderRenderer(
      PdfRenderer pdf,
      MailTemplates mails,
      @Value("${secondevie.organisation.name:Centre hospitalier universitaire}") String name,
      @Value("${secondevie.organisation.address:}") String address,
      @Value("${secondevie.organisation.siret:}") String siret,
      @Value("${secondevie.recycling.pickup-address:${secondevie.organisation.address:}}")
          String pickupAddress,
      @Value("${secondevie.recycling.pickup-contact:Direction des systèmes d'information}")
          String pickupContact) {
    this.pdf = pdf;
    this.mails = mails;
    this.producer =
        Map.of(
            "name", name,
            "address", address,
            "siret", siret,
            "pickupAddress", pickupAddress,
            "pickupContact", pickupContact);
  }

  byte[] render(DismantlingLot lot, AdaptedCompany company, String orderNumber, Instant now) {
    Map<String, Object> model = new HashMap<>();
    model.put("orderNumber", orderNumber);
    model.put("date", DATE.format(now.atZone(LotCommands.PARIS)));
    model.put("lot", lot);
    model.put("company", company);
    model.put("producer", producer);
    model.put(
        "closedOn",
        lot.closedAt() == null ? "—" : DATE.format(lot.closedAt().atZone(LotCommands.PARIS)));
    model.put("estimatedWeight", kilos(lot.estimatedWeightKg()));
    model.put("closedHow", closedHow(lot));
    return pdf.render("dismantling-order", model);
  }

  /** The e-mail sent with the order (template {@code mail/dismantling-order.txt}). */
  String emailBody(DismantlingLot lot, AdaptedCompany company) {
    Map<String, Object> v = new HashMap<>();
    v.put("orderNumber", lot.orderNumber());
    v.put("lotNumber", lot.number());
    v.put("assetCount", lot.assetCount());
    v.put("weightKg", kilos(lot.estimatedWeightKg()));
    v.put(
        "pickupAddress",
        producer.get("pickupAddress").isBlank()
            ? producer.get("name")
            : producer.get("pickupAddress"));
    v.put("pickupContact", producer.get("pickupContact"));
    v.put("organisation", producer.get("name"));
    return mails.render("dismantling-order", v);
  }

  /** Why the lot closed, in words: at whose request, on size or on time. */
  static String closedHow(DismantlingLot lot) {
    if (lot.closedReason() == null) {
      return "";
    }
    return switch (lot.closedReason()) {
      case MANUAL ->
          lot.closeRequestedBy() == null
              ? "à la demande du gestionnaire de parc"
              : "à la demande de " + lot.closeRequestedBy();
      case SIZE -> "taille du lot atteinte";
      case TIME -> "durée d'ouverture écoulée";
    };
  }

  static String kilos(BigDecimal kg) {
    return kg.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString().replace('.', ',');
  }

  /** 123456 → "1 234,56 €" */
  static String euros(Long cents) {
    return fr.secondevie.common.FrenchFormats.euros(cents);
  }
}
