package fr.secondevie.purchasing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.notification.MailTemplates;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The supplier's e-mails of a purchase, word for word, from their text templates. */
class PurchaseMailsTest {

  final PurchaseOrderRenderer renderer =
      new PurchaseOrderRenderer(null, new MailTemplates(), "CHU de Rouen", "", "");

  final PurchaseRequest request =
      new PurchaseRequest(
          7L,
          "Urgences",
          "Hôpital Charles-Nicolle",
          AssetCategory.LAPTOP,
          3,
          UseCase.MOBILE_LAPTOP,
          SecurityConstraint.NONE,
          LocalDate.of(2026, 11, 30),
          "Renouvellement",
          "acheteur",
          Instant.parse("2026-10-01T08:00:00Z"),
          RequestStatus.SOURCING,
          1L,
          0,
          "RECONDITIONED",
          null,
          null,
          null,
          null,
          null,
          null);

  final Offer offer =
      new Offer(
          3L,
          1,
          OfferSource.REFERENCED_SUPPLIER,
          5L,
          "12345678900011",
          "Ecodair",
          null,
          null,
          true,
          true,
          41_990,
          12,
          10,
          5,
          BigDecimal.TEN);

  @Test
  void shouldWriteTheOrderEMail() {
    // when
    String body = renderer.emailBody(request, order(0), offer);

    // then
    assertThat(body)
        .isEqualTo(
            """
            Bonjour,

            Vous trouverez ci-joint le bon de commande BC-2026-0007 : 3 × ordinateur portable \
            reconditionné(s), au prix unitaire de 419,90 € HT, soit 1 259,70 € HT, livraison \
            attendue au plus tard le 20/11/2026 (Urgences, Hôpital Charles-Nicolle).

            Merci de joindre au bon de livraison le numéro de série de chaque unité.

            Cordialement,
            CHU de Rouen
            """
                .replace("1 259,70 €", euros(125_970))
                .replace("419,90 €", euros(41_990)));
  }

  @Test
  void shouldWriteTheDeliveryReminder() {
    // when
    String body = renderer.reminderBody(order(0), 8);

    // then
    assertThat(body)
        .isEqualTo(
            """
            Bonjour,

            La livraison de la commande BC-2026-0007 était attendue le 20/11/2026 : elle a 8 \
            jour(s) de retard. Merci de nous indiquer sa nouvelle date de livraison.

            Cordialement,
            CHU de Rouen
            """);
  }

  @Test
  void shouldListTheRefusedUnitsAndTheBuyersObservationInTheReplacementRequest() {
    // given: two units accepted, one refused
    List<ReceptionUnit> units =
        List.of(
            new ReceptionUnit("PF-3K9L2", true, null, "INV-1"),
            new ReceptionUnit("PF-3K9M1", false, "écran fissuré à la livraison", null),
            new ReceptionUnit("PF-3K9L7", true, null, "INV-2"));

    // when
    String withObservation = renderer.replacementBody(order(2), units, " Sous 10 jours. ");
    String undelivered = renderer.replacementBody(order(2), List.of(), "  ");

    // then
    assertThat(withObservation)
        .isEqualTo(
            """
            Bonjour,

            Sur la commande BC-2026-0007 (3 unité(s)), 2 unité(s) ont été acceptées à la \
            réception ; 1 unité(s) restent dues. Merci de les livrer au plus tard le 20/11/2026, \
            avec le numéro de série de chaque unité sur le bon de livraison.

            Unités refusées à la réception :
            - n° de série PF-3K9M1 : écran fissuré à la livraison

            Observation de l'acheteur : Sous 10 jours.

            Cordialement,
            CHU de Rouen
            """);
    assertThat(undelivered)
        .contains("Unités refusées à la réception :\n(aucune : unités non livrées)\n\nCordialement")
        .doesNotContain("Observation");
  }

  private static String euros(long cents) {
    return PurchaseOrderRenderer.euros(cents);
  }

  private static PurchaseOrder order(int accepted) {
    return new PurchaseOrder(
        11L,
        7L,
        "BC-2026-0007",
        3L,
        "Meilleure note",
        3,
        LocalDate.of(2026, 11, 10),
        LocalDate.of(2026, 11, 20),
        null,
        accepted == 0 ? PurchaseOrder.ORDERED : PurchaseOrder.PARTIALLY_RECEIVED,
        0,
        null,
        accepted == 0 ? null : accepted,
        accepted == 0 ? null : 3 - accepted,
        null,
        "acheteur",
        null,
        accepted == 0 ? 0 : 1,
        null,
        accepted == 0 ? null : accepted + 1,
        accepted == 0 ? null : 1,
        0,
        null,
        null,
        null);
  }
}
