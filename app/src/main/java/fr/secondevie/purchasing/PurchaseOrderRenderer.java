package fr.secondevie.purchasing;

import fr.secondevie.documents.PdfRenderer;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Renders the purchase order (template {@code pdf/purchase-order}) and its e-mail. */
@Component
class PurchaseOrderRenderer {

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final PdfRenderer pdf;
  private final Map<String, String> buyer;

  PurchaseOrderRenderer(
      PdfRenderer pdf,
      @Value("${secondevie.organisation.name:Centre hospitalier universitaire}") String name,
      @Value("${secondevie.organisation.address:}") String address,
      @Value("${secondevie.organisation.siret:}") String siret) {
    this.pdf = pdf;
    this.buyer = Map.of("name", name, "address", address, "siret", siret);
  }

  byte[] render(PurchaseRequest request, PurchaseOrder order, Offer offer) {
    Map<String, Object> model = new HashMap<>();
    model.put("order", order);
    model.put("request", request);
    model.put("offer", offer);
    model.put("buyer", buyer);
    model.put("orderedOn", DATE.format(order.orderedOn()));
    model.put("expectedBy", DATE.format(order.expectedBy()));
    model.put("unitPrice", euros(offer.unitPriceCents()));
    model.put("total", euros(offer.unitPriceCents() * order.quantity()));
    return pdf.render("purchase-order", model);
  }

  String emailBody(PurchaseRequest request, PurchaseOrder order, Offer offer) {
    return """
        Bonjour,

        Vous trouverez ci-joint le bon de commande %s : %d × %s%s, au prix unitaire de %s HT, \
        soit %s HT, livraison attendue au plus tard le %s (%s, %s).

        Merci de joindre au bon de livraison le numéro de série de chaque unité.

        Cordialement,
        %s
        """
        .formatted(
            order.reference(),
            order.quantity(),
            request.category().label().toLowerCase(Locale.FRENCH),
            offer.reconditioned() ? " reconditionné(s)" : "",
            euros(offer.unitPriceCents()),
            euros(offer.unitPriceCents() * order.quantity()),
            DATE.format(order.expectedBy()),
            request.service(),
            request.site(),
            buyer.get("name"));
  }

  String reminderBody(PurchaseOrder order, long daysLate) {
    return """
        Bonjour,

        La livraison de la commande %s était attendue le %s : elle a %d jour(s) de retard. \
        Merci de nous indiquer sa nouvelle date de livraison.

        Cordialement,
        %s
        """
        .formatted(order.reference(), DATE.format(order.expectedBy()), daysLate, buyer.get("name"));
  }

  String replacementBody(PurchaseOrder order, List<ReceptionUnit> units, String comment) {
    StringBuilder refused = new StringBuilder();
    for (ReceptionUnit unit : units) {
      if (!unit.accepted()) {
        refused
            .append("- n° de série ")
            .append(unit.serialNumber())
            .append(" : ")
            .append(unit.refusalReason())
            .append('\n');
      }
    }
    return """
        Bonjour,

        Sur la commande %s (%d unité(s)), %d unité(s) ont été acceptées à la réception ; \
        %d unité(s) restent dues. Merci de les livrer au plus tard le %s, avec le numéro de \
        série de chaque unité sur le bon de livraison.

        Unités refusées à la réception :
        %s
        %s

        Cordialement,
        %s
        """
        .formatted(
            order.reference(),
            order.quantity(),
            order.accepted(),
            order.missing(),
            DATE.format(order.expectedBy()),
            refused.length() == 0 ? "(aucune : unités non livrées)\n" : refused.toString(),
            comment == null || comment.isBlank()
                ? ""
                : "Observation de l'acheteur : " + comment.strip(),
            buyer.get("name"));
  }

  /** 123456 → "1 234,56 €". */
  static String euros(long cents) {
    return fr.secondevie.common.FrenchFormats.euros(cents);
  }
}
