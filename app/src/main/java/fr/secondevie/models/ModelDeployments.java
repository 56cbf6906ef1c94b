package fr.secondevie.models;

import fr.secondevie.common.InputError;
import fr.secondevie.common.InvalidInputException;
import fr.secondevie.models.ModelChanges.Change;
import fr.secondevie.models.ModelChecker.ModelFile;
import fr.secondevie.models.ModelChecker.Problem;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Models uploaded by a process owner: checked against the {@link ProcessContract} (nothing kept
 * when there is an error), compared with the running versions, then deployed as checked (the stored
 * bytes, all files in one deployment: all or nothing) with a mandatory reason, and journaled.
 */
@Service
class ModelDeployments {

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployments.class);

  static final int MAX_FILES = 20;
  static final int MAX_REASON = 500;

  /** What a refused check or deployment is, the subject of its {@link InvalidInputException}. */
  static final String REFUSED = "Modèles refusés";

  /**
   * The result of a check.
   *
   * @param uploadId the stored upload waiting for « Déployer », null when an error stops it
   */
  record CheckResult(
      List<ModelFile> files, List<Problem> problems, List<Change> changes, Long uploadId) {

    public boolean deployable() {
      return uploadId != null;
    }
  }

  private final CamundaClient client;
  private final ModelJournal journal;
  private final Clock clock;

  ModelDeployments(CamundaClient client, ModelJournal journal, Clock clock) {
    this.client = client;
    this.journal = journal;
    this.clock = clock;
  }

  CheckResult check(String actor, List<ModelFile> files) {
    if (files.isEmpty()) {
      throw refused("files", "Choisissez au moins un fichier .bpmn, .dmn ou .form.");
    }
    if (files.size() > MAX_FILES) {
      throw refused(
          "files", "Au plus " + MAX_FILES + " fichiers à la fois (reçu " + files.size() + ").");
    }
    Set<String> names = new HashSet<>();
    for (ModelFile file : files) {
      if (!names.add(file.name())) {
        throw refused("files", "Le fichier « " + file.name() + " » est en double.");
      }
    }
    List<Problem> problems = ModelChecker.check(ProcessContract.ofApplication(), files);
    if (ModelChecker.hasErrors(problems)) {
      return new CheckResult(files, problems, List.of(), null);
    }
    List<Change> changes = ModelChanges.of(client, files, this::runningForm);
    long id = journal.recordChecked(clock.instant(), actor, files);
    return new CheckResult(files, problems, changes, id);
  }

  /**
   * A check or deployment refused, before or by the runtime: the page shows the message, nothing is
   * deployed. A runtime refusal is one too (field {@code files}): the page tells it from its
   * message only.
   */
  private static InvalidInputException refused(String field, String message) {
    return new InvalidInputException(REFUSED, List.of(InputError.of(field, message)));
  }

  /**
   * The running version of a form: the one last deployed from the console, else the bundled one
   * (the Camunda client's API finds no form by id).
   */
  private Optional<byte[]> runningForm(String formId) {
    return journal
        .deployedForm(formId)
        .or(
            () ->
                BundledModels.load(BundledModelDeployer.DEFAULT_LOCATION).stream()
                    .filter(m -> m.kind() == BundledModel.Kind.FORM && m.id().equals(formId))
                    .map(BundledModel::content)
                    .findFirst());
  }

  /** Deploys a checked upload as it was checked; returns the runtime's deployment key. */
  long deploy(String actor, long uploadId, String reason) {
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      throw refused("reason", "Donnez la raison du déploiement.");
    }
    if (why.length() > MAX_REASON) {
      throw refused(
          "reason", "La raison dépasse " + MAX_REASON + " caractères (" + why.length() + ").");
    }
    ModelJournal.Upload upload =
        journal
            .find(uploadId)
            .orElseThrow(() -> refused("upload", "Aucun envoi de modèles n° " + uploadId));
    if (!ModelJournal.CHECKED.equals(upload.status())) {
      throw refused(
          "upload",
          "L'envoi n° " + uploadId + " n'attend plus de déploiement (" + upload.status() + ").");
    }
    List<ModelFile> files = journal.contents(uploadId);
    List<Problem> problems = ModelChecker.check(ProcessContract.ofApplication(), files);
    if (ModelChecker.hasErrors(problems)) {
      throw refused(
          "files",
          "Les fichiers ne respectent plus le contrat des processus ; vérifiez-les à nouveau.");
    }
    DeploymentEvent event;
    try {
      DeployResourceCommandStep2 command = null;
      for (ModelFile file : files) {
        command =
            command == null
                ? client.newDeployResourceCommand().addResourceBytes(file.content(), file.name())
                : command.addResourceBytes(file.content(), file.name());
      }
      event = command.send().join();
    } catch (ClientException e) {
      journal.recordFailure(uploadId, clock.instant(), actor, why, String.valueOf(e.getMessage()));
      LOG.warn("Models of upload {} refused by the runtime: {}", uploadId, e.getMessage());
      throw refused(
          "files", "Le moteur a refusé le déploiement, rien n'est déployé : " + e.getMessage());
    }
    if (!journal.recordDeployed(uploadId, clock.instant(), actor, why, event.getKey())) {
      throw refused("upload", "L'envoi n° " + uploadId + " est déjà déployé.");
    }
    event
        .getProcesses()
        .forEach(
            p ->
                journal.recordResource(
                    uploadId,
                    p.getResourceName(),
                    p.getBpmnProcessId(),
                    p.getProcessDefinitionKey(),
                    p.getVersion()));
    event
        .getDecisionRequirements()
        .forEach(
            d ->
                journal.recordResource(
                    uploadId,
                    d.getResourceName(),
                    d.getDmnDecisionRequirementsId(),
                    d.getDecisionRequirementsKey(),
                    d.getVersion()));
    event
        .getForm()
        .forEach(
            f ->
                journal.recordResource(
                    uploadId, f.getResourceName(), f.getFormId(), f.getFormKey(), f.getVersion()));
    LOG.info(
        "Models of upload {} deployed by {} (deployment {}): {}",
        uploadId,
        actor,
        event.getKey(),
        files.stream().map(ModelFile::name).toList());
    return event.getKey();
  }
}
