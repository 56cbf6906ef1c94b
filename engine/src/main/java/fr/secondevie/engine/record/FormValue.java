package fr.secondevie.engine.record;

/** A Camunda form: its {@code id} from the JSON schema, and the schema itself. */
public record FormValue(
    long key,
    String formId,
    int version,
    String resourceName,
    byte[] resource,
    String checksum,
    long deploymentKey)
    implements RecordValue {

  public String schema() {
    return new String(resource, java.nio.charset.StandardCharsets.UTF_8);
  }
}
