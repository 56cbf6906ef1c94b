package fr.secondevie.purchasing;

import fr.secondevie.common.CompletedBy;
import fr.secondevie.common.InvalidInputException;
import fr.secondevie.common.PersonName;
import fr.secondevie.processes.ReconditionedPurchaseProcess.Elements;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The reception of an order from a file ({@link ReceptionCsv}) instead of typing: the file and the
 * reception are checked as {@code receptions.record-reception} will check them (every problem named
 * by line and column, serial numbers already in the inventory refused), then the reception task is
 * completed in the user's name, as the inbox completes it (the task must be offered to the user and
 * held by nobody else; {@code completedBy} names the user), with the same values as the typed form.
 * Nothing is completed when anything is refused.
 */
@Component
class ReceptionImport {

  private final PurchaseReceptions receptions;
  private final PurchaseProcesses processes;

  ReceptionImport(PurchaseReceptions receptions, PurchaseProcesses processes) {
    this.receptions = receptions;
    this.processes = processes;
  }

  /**
   * The user importing: login (the task's assignee), roles (matched with the task's candidate
   * groups), name shown to people ({@link PersonName}).
   */
  record Receiver(String login, Set<String> roles, String displayName) {

    static Receiver of(Authentication authentication) {
      Set<String> roles = new TreeSet<>();
      for (GrantedAuthority authority : authentication.getAuthorities()) {
        String name = authority.getAuthority();
        if (name != null && name.startsWith("ROLE_")) {
          roles.add(name.substring("ROLE_".length()));
        }
      }
      return new Receiver(
          authentication.getName(), Set.copyOf(roles), PersonName.of(authentication));
    }
  }

  /** What the file brought to the reception task. */
  record Imported(int accepted, int refused) {}

  /**
   * @throws InvalidInputException the problems (the task held by someone else too), nothing
   *     completed
   * @throws AccessDeniedException the task is not offered to the user
   */
  Imported importFile(
      PurchaseRequest request, LocalDate receivedOn, byte[] file, String notes, Receiver user) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (receivedOn == null) {
      errors.put("receivedOn", "Indiquez la date de réception.");
    }
    if (notes != null && notes.strip().length() > 1000) {
      errors.put("receptionNotes", "Observations : 1000 caractères au plus.");
    }
    ReceptionCsv.Units units = null;
    try {
      ReceptionCsv.Read read = ReceptionCsv.read(file);
      units = read.units();
      errors.putAll(read.errors());
    } catch (InvalidInputException e) {
      errors.putAll(e.errors());
    }
    if (units != null) {
      for (Map.Entry<String, String> known :
          receptions.alreadyInInventory(units.accepted()).entrySet()) {
        long line = units.lineOf(known.getKey());
        errors.put(
            "line" + line + "." + ReceptionCsv.SERIAL,
            "Ligne %d, colonne %s : « %s » est déjà à l'inventaire (%s)."
                .formatted(line, ReceptionCsv.SERIAL, known.getKey(), known.getValue()));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    PurchaseReceptions.ReceptionInput input =
        new PurchaseReceptions.ReceptionInput(
            receivedOn, units.acceptedText(), units.refusedText(), notes);
    receptions.checkReception(request.id(), input);
    PurchaseProcesses.OpenTask task =
        request.processInstanceKey() == null
            ? null
            : processes.openTask(request.processInstanceKey(), Elements.RECEIVE_ORDER).orElse(null);
    if (task == null) {
      throw InvalidInputException.of(
          "task",
          "La tâche « Réceptionner la commande » de cette demande n'est pas ouverte : la réception"
              + " est peut-être déjà enregistrée.");
    }
    if (!task.offeredTo(user.login(), user.roles())) {
      throw new AccessDeniedException(
          "La tâche " + task.key() + " n'est pas proposée à " + user.login());
    }
    if (task.assignedToAnother(user.login())) {
      throw InvalidInputException.of(
          "task",
          "La tâche « Réceptionner la commande » est assignée à "
              + task.assignee()
              + " : seule cette personne peut la terminer, ou la libérer pour vous.");
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("receivedOn", receivedOn.toString());
    variables.put("acceptedSerials", units.acceptedText());
    variables.put("refusedUnits", units.refusedText());
    variables.put("receptionNotes", notes == null || notes.isBlank() ? null : notes.strip());
    variables.put(
        CompletedBy.VARIABLE,
        new CompletedBy(user.login(), user.displayName(), Elements.RECEIVE_ORDER).asVariable());
    processes.complete(task, user.login(), variables);
    return new Imported(units.accepted().size(), units.refused().size());
  }
}
