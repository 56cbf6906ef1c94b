package fr.secondevie.purchasing;

import fr.secondevie.documents.PdfRenderer;
import fr.secondevie.notification.MailTemplates;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Renders the purchase order (template {@code pdf/purchase-order}) and the supplier's e-mails
 * (templates {@code mail/purchase-*.txt}).
 */
@Component
class PurchaseOrderRenderer {

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final PdfRenderer pdf;
  private final MailTemplates mails;
  private final Map<String, String> buyer;

  PurchaseOrderRenderer(
      PdfRenderer pdf,
      MailTemplates mails,
      @Value("${secondevie.organisation.name:Centre hospitalier universitaire}") String name,
      @Value("${secondevie.organisation.address:}") String address,
      @Value("${secondevie.organisation.siret:}") String siret) {
    this.pdf = pdf;
    this.mails = mails;
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
    Map<String, Object> v = new HashMap<>();
    v.put("reference", order.reference());
    v.put("quantity", order.quantity());
    v.put("category", request.category().label().toLowerCase(Locale.FRENCH));
    v.put("reconditioned", offer.reconditioned());
    v.put("unitPrice", euros(offer.unitPriceCents()));
    v.put("total", euros(offer.unitPriceCents() * order.quantity()));
    v.put("expectedBy", DATE.format(order.expectedBy()));
    v.put("service", request.service());
    v.put("site", request.site());
    v.put("organisation", buyer.get("name"));
    return mails.render("purchase-order", v);
  }

  String reminderBody(PurchaseOrder order, long daysLate) {
    return mails.render(
        "purchase-delivery-late",
        Map.of(
            "reference", order.reference(),
            "expectedBy", DATE.format(order.expectedBy()),
            "daysLate", daysLate,
            "organisation", buyer.get("name")));
  }

  String replacementBody(PurchaseOrder order, List<ReceptionUnit> units, String comment) {
    Map<String, Object> v = new HashMap<>();
    v.put("reference", order.reference());
    v.put("quantity", order.quantity());
    v.put("accepted", order.accepted());
    v.put("missing", order.missing());
    v.put("expectedBy", DATE.format(order.expectedBy()));
    v.put(
        "refused",
        units.stream()
            .filter(unit -> !unit.accepted())
            .map(
                unit ->
                    Map.of(
                        "serial",
                        unit.serialNumber(),
                        "reason",
                        Objects.requireNonNullElse(unit.refusalReason(), "motif non indiqué")))
            .toList());
    v.put("observation", comment == null || comment.isBlank() ? null : comment.strip());
    v.put("organisation", buyer.get("name"));
    return mails.render("purchase-replacement", v);
  }

  /** 123456 → "1 234,56 €". */
  static String euros(long cents) {
    return fr.secondevie.common.FrenchFormats.euros(cents);
  }
}
