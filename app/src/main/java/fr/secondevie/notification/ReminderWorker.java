package fr.secondevie.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import fr.secondevie.processes.CandidateGroups;
import fr.secondevie.processes.Reminders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code notification.send-reminder}: a French reminder e-mail, for the reminder named by header
 * {@code reminder}, to the address of the group that has to act (the candidate group of the waiting
 * task). One e-mail per timer firing: each firing activates the task anew, so the element instance
 * key makes the operation id, and a job delivered twice sends once.
 */
@Component
public class ReminderWorker {

  private final NotificationService notifications;
  private final NotificationProperties properties;

  ReminderWorker(NotificationService notifications, NotificationProperties properties) {
    this.notifications = notifications;
    this.properties = properties;
  }

  /** Variables the reminders may cite; each is optional. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Input(
      Long assetId,
      AssetVariable asset,
      Order reconditioningOrder,
      Long lotId,
      Long lotAssetCount,
      Order dismantlingOrder) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record AssetVariable(
      String inventoryNumber,
      String category,
      String manufacturer,
      String model,
      String location) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Order(String orderId, String channel, String reconditionerName) {}

  @JobWorker(type = Reminders.JOB_TYPE)
  public void sendReminder(ActivatedJob job, @VariablesAsType Input input) {
    String reminder = job.getCustomHeaders().get(Reminders.HEADER);
    Message m = compose(reminder, input);
    notifications.send(
        new OutgoingMessage(
            "reminder:%s:%d:%s:%d"
                .formatted(
                    reminder,
                    job.getProcessInstanceKey(),
                    job.getElementId(),
                    job.getElementInstanceKey()),
            properties.addressOf(m.group()),
            m.subject(),
            m.body(),
            List.of()));
  }

  record Message(String group, String subject, String body) {}

  Message compose(String reminder, Input in) {
    String app = properties.appUrl();
    if (reminder == null) {
      throw new IllegalStateException(
          "Expected task header " + Reminders.HEADER + " but found none");
    }
    return switch (reminder) {
      case Reminders.COLLECTION_OVERDUE -> {
        String asset = asset(in);
        yield new Message(
            CandidateGroups.TECHNICIAN,
            "[Seconde Vie] Relance : collecte en attente — " + asset,
            """
            Bonjour,

            L'équipement %s%s attend toujours d'être collecté et inspecté (tâche « Collecter et inspecter l'équipement »).%s

            Merci de traiter la tâche ; la fiche de l'équipement : %s

            Ce message est envoyé automatiquement tous les 3 jours tant que la collecte attend.
            --
            Seconde Vie
            """
                .formatted(
                    asset,
                    description(in),
                    in.asset() == null || in.asset().location() == null
                        ? ""
                        : "\nLieu : " + in.asset().location(),
                    assetLink(app, in)));
      }
      case Reminders.RECONDITIONING_OVERDUE -> {
        String asset = asset(in);
        Order o = in.reconditioningOrder();
        yield new Message(
            CandidateGroups.ASSET_MANAGER,
            "[Seconde Vie] Relance : remise en état en cours — " + asset,
            """
            Bonjour,

            La remise en état de l'équipement %s%s n'est pas terminée%s.
            Relancez l'atelier ou le fournisseur, ou enregistrez le résultat s'il vous est parvenu.

            Fiche de l'équipement : %s

            Ce message est envoyé automatiquement tous les 14 jours tant que la remise en état est en cours.
            --
            Seconde Vie
            """
                .formatted(
                    asset,
                    description(in),
                    o == null
                        ? ""
                        : " (ordre %s%s)"
                            .formatted(
                                o.orderId(),
                                o.reconditionerName() == null ? "" : ", " + o.reconditionerName()),
                    assetLink(app, in)));
      }
      case Reminders.PICKUP_OVERDUE ->
          new Message(
              CandidateGroups.TECHNICIAN,
              "[Seconde Vie] Relance : enlèvement du lot de démantèlement n° " + in.lotId(),
              """
              Bonjour,

              Le lot de démantèlement n° %s%s%s n'a pas encore été enlevé par l'entreprise adaptée.
              Relancez-la, puis confirmez l'enlèvement (date, poids, numéro de bordereau de suivi des déchets).

              Ce message est envoyé automatiquement tous les 7 jours tant que l'enlèvement attend.
              --
              Seconde Vie
              """
                  .formatted(
                      in.lotId(),
                      in.lotAssetCount() == null ? "" : " (" + in.lotAssetCount() + " équipements)",
                      in.dismantlingOrder() == null
                          ? ""
                          : ", bon de commande " + in.dismantlingOrder().orderId()));
      case Reminders.ATTESTATION_OVERDUE ->
          new Message(
              CandidateGroups.ASSET_MANAGER,
              "[Seconde Vie] Relance : attestation du lot de démantèlement n° " + in.lotId(),
              """
              Bonjour,

              Le certificat de recyclage ou l'attestation de l'entreprise adaptée du lot n° %s%s manque encore.
              Demandez-les à l'entreprise adaptée, puis enregistrez-les.

              Ce message est envoyé automatiquement tous les 14 jours tant qu'ils manquent.
              --
              Seconde Vie
              """
                  .formatted(
                      in.lotId(),
                      in.dismantlingOrder() == null
                          ? ""
                          : " (bon de commande " + in.dismantlingOrder().orderId() + ")"));
      default ->
          throw new IllegalStateException(
              "Expected a reminder of " + Reminders.class.getSimpleName() + " but got " + reminder);
    };
  }

  private static String asset(Input in) {
    if (in.asset() != null && in.asset().inventoryNumber() != null) {
      return in.asset().inventoryNumber();
    }
    return in.assetId() == null ? "(inconnu)" : "n° " + in.assetId();
  }

  private static String description(Input in) {
    AssetVariable a = in.asset();
    if (a == null) {
      return "";
    }
    String text =
        String.join(
                " ",
                java.util.stream.Stream.of(a.manufacturer(), a.model())
                    .filter(s -> s != null && !s.isBlank())
                    .toList())
            .strip();
    return text.isEmpty() ? "" : " (" + text + ")";
  }

  private static String assetLink(String app, Input in) {
    return in.assetId() == null ? app + "/assets" : app + "/assets/" + in.assetId();
  }
}
