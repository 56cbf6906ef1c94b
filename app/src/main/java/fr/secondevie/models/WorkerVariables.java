package fr.secondevie.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.annotation.VariablesAsType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.asm.Type;

/**
 * The variables the workers of one job type read and write, read from their methods' signatures.
 *
 * <ul>
 *   <li>read: every {@link Variable} parameter, every component of a {@link VariablesAsType}
 *       record, every name of {@link JobWorker#fetchVariables()};
 *   <li>required: the {@link Variable} parameters not declared {@code optional = true}. The SDK's
 *       default is {@code optional = true} (a missing variable arrives as null), so the
 *       annotation's value cannot tell; the class file can: it holds only the values written in the
 *       source. The application's convention is to write {@code optional = true} on the variables a
 *       worker can do without, and every other {@code @Variable} is one the worker refuses to run
 *       without;
 *   <li>written: the components of the record a worker returns (none for {@code void}); unknown
 *       ({@code writtenKnown} false) when it returns a map, whose keys exist at run time only.
 * </ul>
 *
 * @param required the variables the workers cannot run without
 * @param read every variable the workers read (the required ones included)
 * @param written the variables the workers' results set, when known
 * @param writtenKnown false when a worker's result is a map
 */
public record WorkerVariables(
    Set<String> required, Set<String> read, Set<String> written, boolean writtenKnown) {

  static final WorkerVariables NONE = new WorkerVariables(Set.of(), Set.of(), Set.of(), true);

  public WorkerVariables {
    required = Collections.unmodifiableSet(new TreeSet<>(required));
    read = Collections.unmodifiableSet(new TreeSet<>(read));
    written = Collections.unmodifiableSet(new TreeSet<>(written));
  }

  /** What two workers of the same job type read and write together. */
  WorkerVariables and(WorkerVariables other) {
    return new WorkerVariables(
        union(required, other.required),
        union(read, other.read),
        union(written, other.written),
        writtenKnown && other.writtenKnown);
  }

  /** The variables of one {@link JobWorker} method. */
  static WorkerVariables of(Method method) {
    Set<String> required = new TreeSet<>();
    Set<String> read = new TreeSet<>();
    Set<Integer> declaredOptional = declaredOptional(method);
    Parameter[] parameters = method.getParameters();
    for (int i = 0; i < parameters.length; i++) {
      Parameter parameter = parameters[i];
      Variable variable = parameter.getAnnotation(Variable.class);
      if (variable != null) {
        String name = variableName(variable, parameter);
        read.add(name);
        if (!declaredOptional.contains(i)) {
          required.add(name);
        }
      } else if (parameter.isAnnotationPresent(VariablesAsType.class)) {
        read.addAll(recordNames(parameter.getType()));
      }
    }
    JobWorker worker = method.getAnnotation(JobWorker.class);
    if (worker != null) {
      read.addAll(List.of(worker.fetchVariables()));
    }
    Class<?> result = method.getReturnType();
    if (result == void.class || result == Void.class) {
      return new WorkerVariables(required, read, Set.of(), true);
    }
    if (result.isRecord()) {
      return new WorkerVariables(required, read, recordNames(result), true);
    }
    return new WorkerVariables(required, read, Set.of(), false);
  }

  private static String variableName(Variable variable, Parameter parameter) {
    if (!variable.name().isBlank()) {
      return variable.name();
    }
    if (!variable.value().isBlank()) {
      return variable.value();
    }
    return parameter.getName();
  }

  /** The JSON names of a record's components (nothing for a type that is not a record). */
  private static Set<String> recordNames(Class<?> type) {
    Set<String> names = new TreeSet<>();
    if (!type.isRecord()) {
      return names;
    }
    for (RecordComponent component : type.getRecordComponents()) {
      JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
      if (property == null) {
        property = fieldProperty(type, component.getName());
      }
      names.add(
          property != null && !property.value().isEmpty() ? property.value() : component.getName());
    }
    return names;
  }

  private static JsonProperty fieldProperty(Class<?> type, String name) {
    try {
      return type.getDeclaredField(name).getAnnotation(JsonProperty.class);
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  /**
   * The indexes of the method's {@link Variable} parameters whose source says {@code optional =
   * true}, read from the class file (at run time an omitted value and the default look the same).
   */
  private static Set<Integer> declaredOptional(Method method) {
    String resource = method.getDeclaringClass().getName().replace('.', '/') + ".class";
    ClassLoader loader = method.getDeclaringClass().getClassLoader();
    String descriptor = Type.getMethodDescriptor(method);
    String variable = Type.getDescriptor(Variable.class);
    Set<Integer> optional = new HashSet<>();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Cannot read the class file " + resource);
      }
      new ClassReader(in)
          .accept(
              new ClassVisitor(SpringAsmInfo.ASM_VERSION) {
                @Override
                public MethodVisitor visitMethod(
                    int access, String name, String desc, String signature, String[] exceptions) {
                  if (!name.equals(method.getName()) || !desc.equals(descriptor)) {
                    return null;
                  }
                  return new MethodVisitor(SpringAsmInfo.ASM_VERSION) {
                    @Override
                    public AnnotationVisitor visitParameterAnnotation(
                        int parameter, String annotation, boolean visible) {
                      if (!annotation.equals(variable)) {
                        return null;
                      }
                      return new AnnotationVisitor(SpringAsmInfo.ASM_VERSION) {
                        @Override
                        public void visit(String element, Object value) {
                          if ("optional".equals(element) && Boolean.TRUE.equals(value)) {
                            optional.add(parameter);
                          }
                        }
                      };
                    }
                  };
                }
              },
              ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the class file " + resource, e);
    }
    return optional;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }
}
