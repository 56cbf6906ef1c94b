package fr.secondevie.models;

import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Checks BPMN, DMN and form files against the {@link ProcessContract} and against what a Camunda 8
 * runtime accepts, and names every problem with its file and element id. Nothing here deploys.
 *
 * <p>Rules, each an error unless said otherwise:
 *
 * <ol>
 *   <li>the file is readable: BPMN by the Zeebe model parser (schema), DMN as XML with {@code
 *       definitions}, a form as JSON with an {@code id} whose every component (nested ones too) is
 *       of a type of Camunda 8.8's form palette; a file of another extension is refused;
 *   <li>the Zeebe design-time validation (the one a Camunda 8 runtime runs at deployment: supported
 *       elements, required extension attributes…): its errors, and its warnings as warnings;
 *   <li>every job type (service, send, script, business rule task or message throw event with a
 *       task definition) has a worker in the application; a job type given as an expression is a
 *       warning (it cannot be checked);
 *   <li>every user task's form id is a form bundled with the application or one of the files;
 *   <li>every message a catch event or receive task waits for is one the application publishes, and
 *       its correlation key is the one the application publishes with (a message start event has no
 *       key);
 *   <li>an error code caught but thrown neither by a worker nor by an error end event of the same
 *       file: warning;
 *   <li>every called decision id is known: a decision of the application or one of the files;
 *   <li>a DMN holding a decision of the application: it keeps every decision the application's DMN
 *       of the same id has, each such decision has every output the code reads, and reads no input
 *       the process does not map;
 *   <li>every literal timer (date, duration, cycle) is in a format the runtime parses;
 *   <li>a task of a known job type still gets every variable its workers require: none of its input
 *       mappings sets it to null, and the process still provides by itself what its bundled version
 *       provided ({@link WorkerVariableChecks}).
 * </ol>
 */
public final class ModelChecker {

  /** A file as uploaded: its name (with its extension) and its bytes. */
  public record ModelFile(String name, byte[] content) {}

  public enum Severity {
    ERROR,
    WARNING
  }

  /**
   * One problem.
   *
   * @param elementId the BPMN/DMN element id, the form id, or null for the whole file
   * @param message in French, for the process owner
   */
  public record Problem(Severity severity, String file, String elementId, String message) {

    boolean isError() {
      return severity == Severity.ERROR;
    }
  }

  private ModelChecker() {}

  /** Every problem of the files, errors first, in file order. */
  public static List<Problem> check(ProcessContract contract, List<ModelFile> files) {
    Set<String> forms = new TreeSet<>(contract.formIds());
    Set<String> decisions = new TreeSet<>(contract.decisions().keySet());
    List<Problem> problems = new ArrayList<>();
    List<ModelFile> bpmns = new ArrayList<>();
    for (ModelFile file : files) {
      String name = file.name() == null ? "" : file.name();
      if (name.endsWith(".form")) {
        String id = FormChecks.checkForm(file, problems);
        if (id != null) {
          forms.add(id);
        }
      } else if (name.endsWith(".dmn")) {
        decisions.addAll(DmnChecks.checkDmn(contract, file, problems));
      } else if (name.endsWith(".bpmn")) {
        bpmns.add(file);
      } else {
        problems.add(
            error(name, null, "type de fichier non pris en charge (attendu : .bpmn, .dmn, .form)"));
      }
    }
    for (ModelFile file : bpmns) {
      BpmnChecks.checkBpmn(contract, file, forms, decisions, problems);
    }
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparing(Problem::severity));
    return List.copyOf(sorted);
  }

  /** True when one of the problems stops a deployment. */
  public static boolean hasErrors(List<Problem> problems) {
    return problems.stream().anyMatch(Problem::isError);
  }

  /** The id of the element, or of its nearest parent with an id. */
  static String idOf(ModelElementInstance element) {
    for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
      if (e instanceof BaseElement base && base.getId() != null && !base.getId().isBlank()) {
        return base.getId();
      }
    }
    return null;
  }

  static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  static Problem error(String file, String elementId, String message) {
    return new Problem(Severity.ERROR, file, elementId, message);
  }

  static Problem warning(String file, String elementId, String message) {
    return new Problem(Severity.WARNING, file, elementId, message);
  }
}
