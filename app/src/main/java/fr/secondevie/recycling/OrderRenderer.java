package fr.secondevie.recycling;

import fr.secondevie.documents.PdfRenderer;
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
  private final Map<String, String> producer;

  OrderRenderer(
      PdfRenderer pdf,
      @Value("${secondevie.organisation.name:Centre hospitalier universitaire}") String name,
      @Value("${secondevie.organisation.address:}") String address,
      @Value("${secondevie.organisation.siret:}") String siret,
      @Value("${secondevie.recycling.pickup-address:${secondevie.organisation.address:}}")
          String pickupAddress,
      @Value("${secondevie.recycling.pickup-contact:Direction des systèmes d'information}")
          String pickupContact) {
    this.pdf = pdf;
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
    model.put("date", DATE.format(now.atZone(DismantlingService.PARIS)));
    model.put("lot", lot);
    model.put("company", company);
    model.put("producer", producer);
    model.put(
        "closedOn",
        lot.closedAt() == null
            ? "—"
            : DATE.format(lot.closedAt().atZone(DismantlingService.PARIS)));
    model.put("estimatedWeight", kilos(lot.estimatedWeightKg()));
    return pdf.render("dismantling-order", model);
  }

  String emailBody(DismantlingLot lot, AdaptedCompany company) {
    return """
        Bonjour,

        Vous trouverez ci-joint le bon d'enlèvement %s du lot de démantèlement %s : \
        %d équipement(s) informatique(s) réformé(s), dont les supports de données ont été effacés \
        avec certificat ou détruits, pour un poids estimé de %s kg.

        Adresse d'enlèvement : %s (%s).

        Merci de nous indiquer la date d'enlèvement, puis de nous transmettre le numéro du \
        bordereau de suivi des déchets (Trackdéchets), le poids pesé, le certificat de recyclage \
        et l'attestation précisant le coût de main-d'œuvre de la prestation.

        Cordialement,
        %s
        """
        .formatted(
            lot.orderNumber(),
            lot.number(),
            lot.assetCount(),
            kilos(lot.estimatedWeightKg()),
            producer.get("pickupAddress").isBlank()
                ? producer.get("name")
                : producer.get("pickupAddress"),
            producer.get("pickupContact"),
            producer.get("name"));
  }

  static String kilos(BigDecimal kg) {
    return kg.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString().replace('.', ',');
  }

  /** 123456 → "1 234,56 €" */
  static String euros(Long cents) {
    if (cents == null) {
      return "—";
    }
    java.text.NumberFormat format =
        java.text.NumberFormat.getCurrencyInstance(java.util.Locale.FRANCE);
    return format.format(cents / 100.0).replace('\u202f', '\u00a0');
  }
}
