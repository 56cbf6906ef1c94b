package fr.secondevie.engine.model;

import fr.secondevie.engine.feel.Expression;
import java.util.List;

/**
 * An input or output mapping: a source (a FEEL expression when it starts with {@code =}, otherwise
 * a static string value) and a target variable, possibly a nested path such as {@code
 * order.customer.name}.
 */
public record Mapping(Expression source, List<String> targetPath) {

  public String targetName() {
    return targetPath.get(0);
  }
}
