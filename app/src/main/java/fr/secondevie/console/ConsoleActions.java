package fr.secondevie.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.secondevie.common.InvalidInputException;
import fr.secondevie.console.ConsoleAudit.Action;
import fr.secondevie.console.ConsoleAudit.Entry;
import fr.secondevie.console.ConsoleViews.IncidentRow;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.InventoryCommands.AppendCustody;
import fr.secondevie.inventory.InventoryService;
import java.time.Clock;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * What asset managers and administrators do from the console, each action journaled with who, when
 * and the result (a refused action too, with the runtime's message).
 */
@Service
class ConsoleActions {

  /** The retries a job gets back, as Operate's retry gives. */
  static final int RETRIES = 1;

  static final int MAX_REASON = 500;

  /** A variable name FEEL reads without quoting. */
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final ConsoleRuntime runtime;
  private final RuntimeCommands commands;
  private final ConsoleAudit audit;
  private final InventoryService inventory;
  private final Clock clock;

  ConsoleActions(
      ConsoleRuntime runtime,
      RuntimeCommands commands,
      ConsoleAudit audit,
      InventoryService inventory,
      Clock clock) {
    this.runtime = runtime;
    this.commands = commands;
    this.audit = audit;
    this.inventory = inventory;
    this.clock = clock;
  }

  /**
   * Gives the incident's job its retries back and resolves the incident.
   *
   * @return the process instance of the incident
   */
  long retry(String actor, long incidentKey) {
    return retry(actor, incidentKey, null, null);
  }

  /**
   * Optionally corrects one variable of the instance (its new value given as JSON), then gives the
   * incident's job its retries back and resolves the incident. Nothing is sent when the correction
   * is invalid.
   *
   * @return the process instance of the incident
   */
  long retry(String actor, long incidentKey, String variable, String jsonValue) {
    Correction correction = correction(variable, jsonValue);
    IncidentRow incident = openIncident(incidentKey);
    String what =
        correction.describe()
            + "élément "
            + incident.elementId()
            + (incident.jobKey() == null
                ? ""
                : ", job " + incident.jobKey() + " remis à " + RETRIES + " essai");
    try {
      correction.apply(commands, incident);
      commands.retry(incident, RETRIES);
    } catch (ConsoleUnavailableException e) {
      journal(actor, Action.RETRY, incident.processInstanceKey(), incidentKey, what, e);
      throw e;
    }
    journal(actor, Action.RETRY, incident.processInstanceKey(), incidentKey, what, null);
    return incident.processInstanceKey();
  }

  /**
   * Resolves an incident whose cause is not a job (a condition, an expression, a decision that
   * failed), optionally after correcting one variable: the runtime evaluates the element again. An
   * incident of a job is refused: its job has no retries left, so it needs « Nouvel essai ».
   *
   * @return the process instance of the incident
   */
  long resolve(String actor, long incidentKey, String variable, String jsonValue) {
    Correction correction = correction(variable, jsonValue);
    IncidentRow incident = openIncident(incidentKey);
    if (incident.jobKey() != null) {
      throw InvalidInputException.of(
          "incident",
          "L'incident "
              + incidentKey
              + " vient d'un job sans essai restant : utilisez « Nouvel essai ».");
    }
    String what = correction.describe() + "élément " + incident.elementId() + " évalué à nouveau";
    try {
      correction.apply(commands, incident);
      commands.resolve(incident);
    } catch (ConsoleUnavailableException e) {
      journal(actor, Action.RESOLVE, incident.processInstanceKey(), incidentKey, what, e);
      throw e;
    }
    journal(actor, Action.RESOLVE, incident.processInstanceKey(), incidentKey, what, null);
    return incident.processInstanceKey();
  }

  /** A variable to set before the incident is resolved; none when the name is blank. */
  private record Correction(String variable, Object value) {

    String describe() {
      return variable == null ? "" : "variable " + variable + " corrigée, ";
    }

    void apply(RuntimeCommands commands, IncidentRow incident) {
      if (variable != null) {
        commands.setVariable(incident.processInstanceKey(), variable, value);
      }
    }
  }

  private static Correction correction(String variable, String jsonValue) {
    if (variable == null || variable.isBlank()) {
      return new Correction(null, null);
    }
    if (!VARIABLE_NAME.matcher(variable.strip()).matches()) {
      throw InvalidInputException.of(
          "variable",
          "Nom de variable invalide « " + variable + " » : lettres, chiffres et _ seulement.");
    }
    if (jsonValue == null || jsonValue.isBlank()) {
      throw InvalidInputException.of(
          "value", "Donnez la nouvelle valeur de « " + variable.strip() + " » en JSON.");
    }
    try {
      return new Correction(variable.strip(), JSON.readValue(jsonValue.strip(), Object.class));
    } catch (JsonProcessingException e) {
      throw InvalidInputException.of(
          "value",
          "La valeur de « "
              + variable.strip()
              + " » n'est pas du JSON valide (un texte s'écrit entre guillemets : \"ETIQ-02\").");
    }
  }

  private IncidentRow openIncident(long incidentKey) {
    IncidentRow incident =
        runtime
            .incident(incidentKey)
            .orElseThrow(
                () ->
                    InvalidInputException.of(
                        "incident", "Incident " + incidentKey + " introuvable."));
    if (!incident.open()) {
      throw InvalidInputException.of("incident", "L'incident " + incidentKey + " est déjà résolu.");
    }
    return incident;
  }

  /** Cancels an instance; the reason is required and kept in the journal. */
  void cancel(String actor, long processInstanceKey, boolean confirmed, String reason) {
    if (!confirmed) {
      throw InvalidInputException.of(
          "confirm", "Cochez la case de confirmation pour annuler l'instance.");
    }
    if (reason == null || reason.isBlank()) {
      throw InvalidInputException.of("reason", "Indiquez le motif de l'annulation.");
    }
    if (reason.length() > MAX_REASON) {
      throw InvalidInputException.of(
          "reason", "Le motif dépasse " + MAX_REASON + " caractères (" + reason.length() + ").");
    }
    String what = "motif : " + reason.strip();
    try {
      commands.cancel(processInstanceKey);
    } catch (ConsoleUnavailableException e) {
      journal(actor, Action.CANCEL, processInstanceKey, null, what, e);
      throw e;
    }
    journal(actor, Action.CANCEL, processInstanceKey, null, what, null);
    recordInCustody(actor, processInstanceKey, reason.strip());
  }

  /**
   * Keeps the cancellation and its reason in the chain of custody of the asset the instance
   * concerns (its variable {@code assetId}), once: the operation id is the instance's.
   */
  private void recordInCustody(String actor, long processInstanceKey, String reason) {
    runtime
        .assetIdOf(processInstanceKey)
        .flatMap(inventory::findById)
        .ifPresent(
            asset ->
                inventory.appendCustody(
                    new AppendCustody(
                        asset.inventoryNumber(),
                        CustodyAction.NOTE,
                        actor,
                        "Instance de processus "
                            + processInstanceKey
                            + " annulée depuis la console. Motif : "
                            + reason,
                        null,
                        "console-cancel-" + processInstanceKey)));
  }

  private void journal(
      String actor,
      Action action,
      long processInstanceKey,
      Long incidentKey,
      String what,
      RuntimeException failure) {
    String detail = failure == null ? what : what + " — refusé : " + failure.getMessage();
    audit.record(
        new Entry(
            clock.instant(),
            actor,
            action,
            processInstanceKey,
            incidentKey,
            detail,
            failure == null));
  }
}
