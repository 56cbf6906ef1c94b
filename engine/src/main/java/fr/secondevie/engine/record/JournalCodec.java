package fr.secondevie.engine.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import fr.secondevie.engine.model.ExecutableProcess;
import fr.secondevie.engine.util.JsonValues;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link Record} as one JSON object and reads it back. Plain values are written by Jackson
 * from their record components; JSON values ({@code Object} components: variables, outputs) are
 * normalised again when read, so that they are the same Java values as when written. Values that
 * hold parsed models are written as their source:
 *
 * <ul>
 *   <li>{@code PROCESS}: key, id, version, deployment key, resource name, checksum and the BPMN
 *       resource (base64); read back by transforming the resource again (once per resource);
 *   <li>{@code DECISION_REQUIREMENTS}: every component but {@code parsed}; the DMN resource is
 *       parsed again;
 *   <li>{@code DEPLOYMENT}: the keys of its processes, decision requirements, decisions and forms,
 *       resolved against the definitions read before it.
 * </ul>
 *
 * <p>Reading keeps the definitions it has read (until a purge), which the deployments refer to.
 */
final class JournalCodec {

  private static final Map<ValueType, Class<? extends RecordValue>> TYPES =
      new EnumMap<>(ValueType.class);

  static {
    TYPES.put(ValueType.DEPLOYMENT, DeploymentValue.class);
    TYPES.put(ValueType.PROCESS, ProcessValue.class);
    TYPES.put(ValueType.DECISION_REQUIREMENTS, DecisionRequirementsValue.class);
    TYPES.put(ValueType.DECISION, DecisionValue.class);
    TYPES.put(ValueType.FORM, FormValue.class);
    TYPES.put(ValueType.PROCESS_INSTANCE, ProcessInstanceValue.class);
    TYPES.put(ValueType.VARIABLE, VariableValue.class);
    TYPES.put(ValueType.JOB, JobValue.class);
    TYPES.put(ValueType.INCIDENT, IncidentValue.class);
    TYPES.put(ValueType.MESSAGE, MessageValue.class);
    TYPES.put(ValueType.MESSAGE_SUBSCRIPTION, MessageSubscriptionValue.class);
    TYPES.put(ValueType.MESSAGE_START_EVENT_SUBSCRIPTION, MessageStartSubscriptionValue.class);
    TYPES.put(ValueType.TIMER, TimerValue.class);
    TYPES.put(ValueType.SIGNAL, SignalValue.class);
    TYPES.put(ValueType.SIGNAL_SUBSCRIPTION, SignalSubscriptionValue.class);
    TYPES.put(ValueType.USER_TASK, UserTaskValue.class);
    TYPES.put(ValueType.DECISION_EVALUATION, DecisionEvaluationValue.class);
    TYPES.put(ValueType.PURGE, PurgeValue.class);
    TYPES.put(ValueType.COMPENSATION_SUBSCRIPTION, CompensationSubscriptionValue.class);
  }

  private final ObjectMapper mapper;
  private ModelParser models;
  private final Map<Long, ExecutableProcess> processes = new HashMap<>();
  private final Map<Long, DecisionRequirementsValue> drgs = new HashMap<>();
  private final Map<Long, DecisionValue> decisions = new HashMap<>();
  private final Map<Long, FormValue> forms = new HashMap<>();
  // processes of a BPMN resource transformed for one of its PROCESS records, by checksum, waiting
  // for the records of the resource's other processes
  private final Map<String, List<ExecutableProcess>> unclaimed = new HashMap<>();

  JournalCodec() {
    SimpleModule module = new SimpleModule("journal");
    module.addDeserializer(Object.class, new JsonValueDeserializer());
    this.mapper =
        new ObjectMapper()
            .registerModule(module)
            // absent means null: shorter lines
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** How to transform resources again while reading. */
  void models(ModelParser models) {
    this.models = models;
  }

  /** The record as UTF-8 JSON text, on one line. */
  byte[] encode(Record record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
      g.writeStartObject();
      // position first: the journal's scan reads it without parsing the rest
      g.writeNumberField("position", record.position());
      g.writeNumberField("key", record.key());
      g.writeStringField("valueType", record.valueType().name());
      g.writeStringField("intent", record.intent().name());
      g.writeNumberField("timestamp", record.timestamp());
      g.writeFieldName("value");
      writeValue(g, record);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private void writeValue(JsonGenerator g, Record record) throws IOException {
    RecordValue value = record.value();
    Class<? extends RecordValue> type = TYPES.get(record.valueType());
    if (type == null || !type.isInstance(value)) {
      throw new IllegalStateException(
          "Expected a "
              + record.valueType()
              + " record to carry a "
              + (type == null ? "known value" : type.getSimpleName())
              + " but it carries a "
              + value.getClass().getSimpleName());
    }
    if (value instanceof ProcessValue p) {
      ExecutableProcess process = p.process();
      g.writeStartObject();
      g.writeNumberField("key", process.key());
      g.writeStringField("bpmnProcessId", process.bpmnProcessId());
      g.writeNumberField("version", process.version());
      g.writeNumberField("deploymentKey", process.deploymentKey());
      g.writeStringField("resourceName", process.resourceName());
      g.writeStringField("checksum", process.checksum());
      g.writeBinaryField("resource", process.resource());
      g.writeEndObject();
    } else if (value instanceof DecisionRequirementsValue drg) {
      g.writeStartObject();
      g.writeNumberField("key", drg.key());
      g.writeStringField("decisionRequirementsId", drg.decisionRequirementsId());
      g.writeStringField("name", drg.name());
      g.writeNumberField("version", drg.version());
      g.writeStringField("resourceName", drg.resourceName());
      g.writeStringField("checksum", drg.checksum());
      g.writeNumberField("deploymentKey", drg.deploymentKey());
      g.writeBinaryField("resource", drg.resource());
      g.writeEndObject();
    } else if (value instanceof DeploymentValue d) {
      g.writeStartObject();
      writeKeys(g, "processes", d.processes().stream().map(ExecutableProcess::key).toList());
      writeKeys(
          g,
          "decisionRequirements",
          d.decisionRequirements().stream().map(DecisionRequirementsValue::key).toList());
      writeKeys(g, "decisions", d.decisions().stream().map(DecisionValue::key).toList());
      writeKeys(g, "forms", d.forms().stream().map(FormValue::key).toList());
      g.writeEndObject();
    } else {
      mapper.writeValue(g, value);
    }
  }

  private static void writeKeys(JsonGenerator g, String name, List<Long> keys) throws IOException {
    g.writeArrayFieldStart(name);
    for (long key : keys) {
      g.writeNumber(key);
    }
    g.writeEndArray();
  }

  private static final byte[] VALUE_TYPE_FIELD =
      "\"valueType\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final Set<String> DEFINITIONS =
      Set.of("DEPLOYMENT", "PROCESS", "DECISION_REQUIREMENTS", "DECISION", "FORM", "PURGE");

  /**
   * Whether the record line is a definition, a deployment or a purge: those are read in order, as
   * reading them keeps track of the definitions; any other record may be read on its own, from any
   * thread.
   */
  static boolean isDefinition(byte[] line) {
    int n = VALUE_TYPE_FIELD.length;
    for (int i = 0; i + n < line.length; i++) {
      if (Arrays.equals(line, i, i + n, VALUE_TYPE_FIELD, 0, n)) {
        int end = i + n;
        while (end < line.length && line[end] != '"') {
          end++;
        }
        return DEFINITIONS.contains(
            new String(line, i + n, end - i - n, StandardCharsets.US_ASCII));
      }
    }
    return true;
  }

  /** Reads a record written by {@link #encode}; throws with what is wrong otherwise. */
  Record decode(byte[] json, int offset, int length) throws IOException {
    // streamed: the header fields come before the value, so the value is read straight into its
    // type, without a tree in between
    try (JsonParser p = mapper.getFactory().createParser(json, offset, length)) {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      long position = -1;
      long key = 0;
      long timestamp = 0;
      ValueType valueType = null;
      Intent intent = null;
      RecordValue value = null;
      for (JsonToken token = p.nextToken(); token == JsonToken.FIELD_NAME; token = p.nextToken()) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "position" -> position = p.getLongValue();
          case "key" -> key = p.getLongValue();
          case "valueType" -> valueType = ValueType.valueOf(p.getText());
          case "intent" -> intent = Intent.valueOf(p.getText());
          case "timestamp" -> timestamp = p.getLongValue();
          case "value" -> {
            if (valueType == null) {
              throw new IOException("Expected the valueType before the value but it is not");
            }
            value = readValue(valueType, p);
          }
          default -> p.skipChildren();
        }
      }
      if (position < 0 || valueType == null || intent == null || value == null) {
        throw new IOException(
            "Expected position, key, valueType, intent, timestamp and value but some are missing");
      }
      return new Record(position, key, valueType, intent, timestamp, value);
    }
  }

  private static void expect(JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException("Expected " + expected + " but found " + actual);
    }
  }

  private RecordValue readValue(ValueType valueType, JsonParser p) throws IOException {
    return switch (valueType) {
      case PROCESS, DECISION_REQUIREMENTS, DEPLOYMENT, DECISION, FORM, PURGE ->
          readValue(valueType, (JsonNode) mapper.readTree(p));
      default -> mapper.readValue(p, TYPES.get(valueType));
    };
  }

  private RecordValue readValue(ValueType valueType, JsonNode value) throws IOException {
    switch (valueType) {
      case PROCESS -> {
        ExecutableProcess process = claim(value);
        processes.put(process.key(), process);
        return new ProcessValue(process);
      }
      case DECISION_REQUIREMENTS -> {
        byte[] resource = value.required("resource").binaryValue();
        DecisionRequirementsValue drg =
            new DecisionRequirementsValue(
                value.required("key").asLong(),
                value.required("decisionRequirementsId").asText(),
                text(value, "name"),
                value.required("version").asInt(),
                text(value, "resourceName"),
                resource,
                value.required("checksum").asText(),
                value.required("deploymentKey").asLong(),
                models.decisionRequirements(resource));
        drgs.put(drg.key(), drg);
        return drg;
      }
      case DEPLOYMENT -> {
        unclaimed.clear();
        return new DeploymentValue(
            resolve(value, "processes", processes),
            resolve(value, "decisionRequirements", drgs),
            resolve(value, "decisions", decisions),
            resolve(value, "forms", forms));
      }
      case DECISION -> {
        DecisionValue decision = mapper.treeToValue(value, DecisionValue.class);
        decisions.put(decision.key(), decision);
        return decision;
      }
      case FORM -> {
        FormValue form = mapper.treeToValue(value, FormValue.class);
        forms.put(form.key(), form);
        return form;
      }
      case PURGE -> {
        processes.clear();
        drgs.clear();
        decisions.clear();
        forms.clear();
        unclaimed.clear();
        return new PurgeValue();
      }
      default -> {
        return mapper.treeToValue(value, TYPES.get(valueType));
      }
    }
  }

  /** The process of a PROCESS record, transforming its resource once for all its processes. */
  private ExecutableProcess claim(JsonNode value) throws IOException {
    String bpmnProcessId = value.required("bpmnProcessId").asText();
    String checksum = value.required("checksum").asText();
    byte[] resource = value.required("resource").binaryValue();
    List<ExecutableProcess> parsed = unclaimed.get(checksum);
    ExecutableProcess process = parsed == null ? null : take(parsed, bpmnProcessId);
    if (process == null) {
      parsed = new ArrayList<>(models.processes(resource));
      unclaimed.put(checksum, parsed);
      process = take(parsed, bpmnProcessId);
    }
    if (process == null) {
      throw new IOException(
          "Expected the BPMN resource '"
              + text(value, "resourceName")
              + "' to contain the process '"
              + bpmnProcessId
              + "' but it does not");
    }
    process.identify(
        value.required("key").asLong(),
        value.required("version").asInt(),
        value.required("deploymentKey").asLong(),
        text(value, "resourceName"),
        resource,
        checksum);
    return process;
  }

  private static ExecutableProcess take(List<ExecutableProcess> processes, String bpmnProcessId) {
    for (Iterator<ExecutableProcess> it = processes.iterator(); it.hasNext(); ) {
      ExecutableProcess process = it.next();
      if (process.bpmnProcessId().equals(bpmnProcessId)) {
        it.remove();
        return process;
      }
    }
    return null;
  }

  private static <T> List<T> resolve(JsonNode value, String field, Map<Long, T> known)
      throws IOException {
    List<T> resolved = new ArrayList<>();
    for (JsonNode key : value.required(field)) {
      T definition = known.get(key.asLong());
      if (definition == null) {
        throw new IOException(
            "Expected the definition "
                + key.asLong()
                + " of the deployment's "
                + field
                + " to be in the journal before the deployment but it is not");
      }
      resolved.add(definition);
    }
    return List.copyOf(resolved);
  }

  private static String text(JsonNode value, String field) {
    JsonNode node = value.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }

  /** JSON values of {@code Object} components, read into the engine's normalised shape. */
  private static final class JsonValueDeserializer extends StdDeserializer<Object> {
    JsonValueDeserializer() {
      super(Object.class);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return JsonValues.normalize(JsonValues.mapper().readValue(p, Object.class));
    }
  }
}
