package fr.secondevie.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import fr.secondevie.common.JobOperations;
import fr.secondevie.processes.CandidateGroups;
import fr.secondevie.processes.Reminders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  private final MailTemplates mails;

  ReminderWorker(
      NotificationService notifications, NotificationProperties properties, MailTemplates mails) {
    this.mails = mails;
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
            "reminder:" + reminder + ":" + JobOperations.operationId(job),
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
        Map<String, Object> v = assetVariables(app, in);
        v.put("location", in.asset() == null ? null : in.asset().location());
        yield new Message(
            CandidateGroups.TECHNICIAN,
            "[Seconde Vie] Relance : collecte en attente — " + asset,
            mails.render("reminder-collection-overdue", v));
      }
      case Reminders.RECONDITIONING_OVERDUE -> {
        String asset = asset(in);
        Order o = in.reconditioningOrder();
        Map<String, Object> v = assetVariables(app, in);
        v.put("orderId", o == null ? null : o.orderId());
        v.put("reconditioner", o == null ? null : o.reconditionerName());
        yield new Message(
            CandidateGroups.ASSET_MANAGER,
            "[Seconde Vie] Relance : remise en état en cours — " + asset,
            mails.render("reminder-reconditioning-overdue", v));
      }
      case Reminders.PICKUP_OVERDUE ->
          new Message(
              CandidateGroups.TECHNICIAN,
              "[Seconde Vie] Relance : enlèvement du lot de démantèlement n° " + in.lotId(),
              mails.render("reminder-pickup-overdue", lotVariables(in)));
      case Reminders.ATTESTATION_OVERDUE ->
          new Message(
              CandidateGroups.ASSET_MANAGER,
              "[Seconde Vie] Relance : attestation du lot de démantèlement n° " + in.lotId(),
              mails.render("reminder-attestation-overdue", lotVariables(in)));
      default ->
          throw new IllegalStateException(
              "Expected a reminder of " + Reminders.class.getSimpleName() + " but got " + reminder);
    };
  }

  private static Map<String, Object> assetVariables(String app, Input in) {
    Map<String, Object> v = new HashMap<>();
    v.put("asset", asset(in));
    v.put("description", description(in));
    v.put("link", assetLink(app, in));
    return v;
  }

  private static Map<String, Object> lotVariables(Input in) {
    Map<String, Object> v = new HashMap<>();
    v.put("lotId", in.lotId());
    v.put("assetCount", in.lotAssetCount());
    v.put("orderId", in.dismantlingOrder() == null ? null : in.dismantlingOrder().orderId());
    return v;
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
