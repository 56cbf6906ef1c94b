package fr.secondevie.engine.feel;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The variables an expression can see: looked up lazily, innermost scope first. */
public interface VariableLookup {

  VariableLookup EMPTY = of(Map.of());

  Optional<Object> get(String name);

  Set<String> names();

  static VariableLookup of(Map<String, Object> variables) {
    return new VariableLookup() {
      @Override
      public Optional<Object> get(String name) {
        return variables.containsKey(name)
            ? Optional.ofNullable(variables.get(name))
            : absent(name);
      }

      private Optional<Object> absent(String name) {
        return Optional.empty();
      }

      @Override
      public Set<String> names() {
        return variables.keySet();
      }
    };
  }
}
