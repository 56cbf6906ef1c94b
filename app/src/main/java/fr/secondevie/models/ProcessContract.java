package fr.secondevie.models;

import fr.secondevie.processes.AssetEndOfLifeProcess;
import fr.secondevie.processes.DismantlingLotProcess;
import fr.secondevie.processes.SupplierReferencingProcess;
import io.camunda.client.annotation.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * What the application expects of the process models, read from the application itself rather than
 * kept as a second copy.
 *
 * <ul>
 *   <li>job types: the {@code type} of every {@link JobWorker} method of the application's classes;
 *   <li>worker variables: per job type, what its workers read, require and write ({@link
 *       WorkerVariables}, read from their methods' signatures);
 *   <li>messages: the constants of every {@code Messages} class of {@code fr.secondevie.processes}
 *       (the names the publishers use), each with the correlation key expression of {@link
 *       #CORRELATION_VARIABLES} (the id the publishers pass as correlation key);
 *   <li>BPMN error codes: the constants of every {@code ErrorCodes} class of {@code
 *       fr.secondevie.processes} (the codes the workers throw);
 *   <li>form ids: the forms bundled under {@code models/};
 *   <li>decisions: every class of {@code fr.secondevie.processes} with a {@code DECISION_ID} and
 *       nested {@code Inputs} and {@code Outputs} classes (what the process maps in and the code
 *       reads out);
 *   <li>bundled variables: per process id of the bundled models, the variables the model provides
 *       by itself ({@link ProcessVariables}), what an uploaded version must keep providing.
 * </ul>
 *
 * @param jobTypes job type → the workers' methods ({@code Class#method}) handling it
 * @param messages message name → the correlation key expression of its subscriptions
 * @param errorCodes the BPMN error codes the workers throw
 * @param formIds the form ids bundled with the application
 * @param decisions decision id → its inputs and outputs
 * @param workerVariables job type → the variables its workers read, require and write
 * @param bundledVariables process id → the variables its bundled model provides by itself
 */
public record ProcessContract(
    Map<String, List<String>> jobTypes,
    Map<String, String> messages,
    Set<String> errorCodes,
    Set<String> formIds,
    Map<String, DecisionContract> decisions,
    Map<String, WorkerVariables> workerVariables,
    Map<String, ProcessVariables> bundledVariables) {

  /**
   * The inputs the process maps into a decision, and the outputs the code reads.
   *
   * @param requirementsId the id of the bundled DMN ({@code definitions}) holding the decision,
   *     null when no bundled DMN holds it
   */
  public record DecisionContract(String requirementsId, Set<String> inputs, Set<String> outputs) {}

  /**
   * The process variable whose string value correlates the messages of each process class: the
   * publishers pass that id as correlation key ({@code Long.toString(assetId)}…). A {@code
   * Messages} class of a process missing here stops the contract from being read.
   */
  static final Map<Class<?>, String> CORRELATION_VARIABLES =
      Map.of(
          AssetEndOfLifeProcess.class, AssetEndOfLifeProcess.Variables.ASSET_ID,
          DismantlingLotProcess.class, DismantlingLotProcess.Variables.LOT_ID,
          SupplierReferencingProcess.class, SupplierReferencingProcess.Variables.APPLICATION_ID);

  private static final String APPLICATION_PACKAGE = "fr/secondevie";
  private static final String REGISTRY_PACKAGE = "fr/secondevie/processes";

  private static volatile ProcessContract application;

  public ProcessContract {
    jobTypes = Collections.unmodifiableMap(new TreeMap<>(jobTypes));
    messages = Collections.unmodifiableMap(new TreeMap<>(messages));
    errorCodes = Collections.unmodifiableSet(new TreeSet<>(errorCodes));
    formIds = Collections.unmodifiableSet(new TreeSet<>(formIds));
    decisions = Collections.unmodifiableMap(new TreeMap<>(decisions));
    workerVariables = Collections.unmodifiableMap(new TreeMap<>(workerVariables));
    bundledVariables = Collections.unmodifiableMap(new TreeMap<>(bundledVariables));
  }

  /** The contract of this application (read once). */
  public static ProcessContract ofApplication() {
    ProcessContract contract = application;
    if (contract == null) {
      contract = read(BundledModelDeployer.DEFAULT_LOCATION);
      application = contract;
    }
    return contract;
  }

  /** How many variables the workers require, counted per job type. */
  public int requiredVariableCount() {
    return workerVariables.values().stream().mapToInt(v -> v.required().size()).sum();
  }

  static ProcessContract read(String modelsLocation) {
    Map<String, List<String>> jobTypes = new TreeMap<>();
    Map<String, String> messages = new TreeMap<>();
    Set<String> errorCodes = new TreeSet<>();
    Map<String, DecisionContract> decisions = new TreeMap<>();
    Map<String, WorkerVariables> workerVariables = new TreeMap<>();
    for (Class<?> type : classes(APPLICATION_PACKAGE)) {
      for (Method method : declaredMethods(type)) {
        JobWorker worker = method.getAnnotation(JobWorker.class);
        if (worker != null && !worker.type().isBlank()) {
          jobTypes
              .computeIfAbsent(worker.type(), t -> new java.util.ArrayList<>())
              .add(type.getSimpleName() + "#" + method.getName());
          workerVariables.merge(worker.type(), WorkerVariables.of(method), WorkerVariables::and);
        }
      }
      if (!type.getName().startsWith(REGISTRY_PACKAGE.replace('/', '.') + ".")) {
        continue;
      }
      if (type.getSimpleName().equals("Messages") && type.getEnclosingClass() != null) {
        String variable = CORRELATION_VARIABLES.get(type.getEnclosingClass());
        if (variable == null) {
          throw new IllegalStateException(
              "Expected the correlation variable of the messages of "
                  + type.getEnclosingClass().getSimpleName()
                  + " in ProcessContract.CORRELATION_VARIABLES");
        }
        constants(type).forEach(name -> messages.put(name, "=string(" + variable + ")"));
      } else if (type.getSimpleName().equals("ErrorCodes")) {
        errorCodes.addAll(constants(type));
      }
      String decisionId = constant(type, "DECISION_ID");
      if (decisionId != null) {
        decisions.put(
            decisionId,
            new DecisionContract(
                null, constants(nested(type, "Inputs")), constants(nested(type, "Outputs"))));
      }
    }
    Set<String> forms = new TreeSet<>();
    Map<String, ProcessVariables> bundledVariables = new TreeMap<>();
    for (BundledModel model : BundledModels.load(modelsLocation)) {
      if (model.kind() == BundledModel.Kind.FORM) {
        forms.add(model.id());
      } else if (model.kind() == BundledModel.Kind.PROCESS) {
        bundledVariables.putAll(
            ProcessVariables.of(
                Bpmn.readModelFromStream(new ByteArrayInputStream(model.content())),
                workerVariables));
      } else if (model.kind() == BundledModel.Kind.DECISIONS) {
        for (String id : DmnFile.read(model.resourceName(), model.content()).decisionIds()) {
          decisions.computeIfPresent(
              id, (k, d) -> new DecisionContract(model.id(), d.inputs(), d.outputs()));
        }
      }
    }
    return new ProcessContract(
        jobTypes, messages, errorCodes, forms, decisions, workerVariables, bundledVariables);
  }

  private static List<Class<?>> classes(String basePackage) {
    try {
      Resource[] resources =
          new PathMatchingResourcePatternResolver()
              .getResources("classpath*:" + basePackage + "/**/*.class");
      MetadataReaderFactory readers = new CachingMetadataReaderFactory();
      List<Class<?>> classes = new java.util.ArrayList<>();
      ClassLoader loader = ProcessContract.class.getClassLoader();
      // only the application's own classes (not a test's workers), found where this class is
      String self = ProcessContract.class.getName().replace('.', '/') + ".class";
      String root = loader.getResource(self).toString().replace(self, "");
      for (Resource resource : resources) {
        if (!resource.getURL().toString().startsWith(root)) {
          continue;
        }
        String name = readers.getMetadataReader(resource).getClassMetadata().getClassName();
        try {
          classes.add(Class.forName(name, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
          throw new IllegalStateException("Cannot read the application class " + name, e);
        }
      }
      return classes;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot scan the application's classes", e);
    }
  }

  private static Method[] declaredMethods(Class<?> type) {
    return type.getDeclaredMethods();
  }

  private static Class<?> nested(Class<?> type, String simpleName) {
    for (Class<?> inner : type.getDeclaredClasses()) {
      if (inner.getSimpleName().equals(simpleName)) {
        return inner;
      }
    }
    throw new IllegalStateException(
        "Expected a nested class " + simpleName + " in the decision class " + type.getName());
  }

  private static String constant(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      return Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
          ? (String) field.get(null)
          : null;
    } catch (NoSuchFieldException e) {
      return null;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The values of the public static String constants of a class. */
  static Set<String> constants(Class<?> type) {
    Set<String> values = new TreeSet<>();
    for (Field field : type.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isPublic(modifiers)
          && Modifier.isStatic(modifiers)
          && field.getType() == String.class) {
        try {
          values.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return values;
  }
}
