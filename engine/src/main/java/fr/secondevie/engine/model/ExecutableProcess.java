package fr.secondevie.engine.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A deployed process definition: its identity (key, id, version), its source and its executable
 * elements indexed by id.
 */
public final class ExecutableProcess {

  private final String bpmnProcessId;
  private final String name;
  private final String versionTag;
  private final ExecutableElement root;
  private final Map<String, ExecutableElement> elements;
  private final Map<String, ExecutableFlow> flows;
  private final boolean hasInclusiveJoins;
  private long key;
  private int version;
  private String resourceName;
  private byte[] resource;
  private String checksum;
  private long deploymentKey;

  ExecutableProcess(
      String bpmnProcessId,
      String name,
      String versionTag,
      ExecutableElement root,
      Map<String, ExecutableElement> elements,
      Map<String, ExecutableFlow> flows) {
    this.bpmnProcessId = bpmnProcessId;
    this.name = name;
    this.versionTag = versionTag;
    this.root = root;
    this.elements = Map.copyOf(elements);
    this.flows = Map.copyOf(flows);
    this.hasInclusiveJoins =
        elements.values().stream()
            .anyMatch(e -> e.type() == ElementType.INCLUSIVE_GATEWAY && e.incoming().size() > 1);
  }

  /** Gives the definition its identity once the deployment has decided key and version. */
  public void identify(
      long key,
      int version,
      long deploymentKey,
      String resourceName,
      byte[] resource,
      String checksum) {
    this.key = key;
    this.version = version;
    this.deploymentKey = deploymentKey;
    this.resourceName = resourceName;
    this.resource = resource;
    this.checksum = checksum;
  }

  public String bpmnProcessId() {
    return bpmnProcessId;
  }

  public String name() {
    return name;
  }

  public String versionTag() {
    return versionTag;
  }

  public long key() {
    return key;
  }

  public int version() {
    return version;
  }

  public long deploymentKey() {
    return deploymentKey;
  }

  public String resourceName() {
    return resourceName;
  }

  public byte[] resource() {
    return resource;
  }

  public String checksum() {
    return checksum;
  }

  /** The process element itself (type {@link ElementType#PROCESS}). */
  public ExecutableElement root() {
    return root;
  }

  public ExecutableElement element(String id) {
    return elements.get(id);
  }

  public ExecutableFlow flow(String id) {
    return flows.get(id);
  }

  public Collection<ExecutableElement> elements() {
    return elements.values();
  }

  /** Whether an inclusive gateway of the process joins flows (tokens must then be watched). */
  public boolean hasInclusiveJoins() {
    return hasInclusiveJoins;
  }

  /** Start events of the process level with the given event kind. */
  public List<ExecutableElement> startEvents(EventKind kind) {
    return root.startEvents().stream().filter(e -> e.eventKind() == kind).toList();
  }
}
