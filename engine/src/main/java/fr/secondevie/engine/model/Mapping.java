package fr.secondevie.engine.model;

import fr.secondevie.engine.feel.Expression;
import java.util.List;

/**
 * An input or output mapping: a FEEL source and a target variable, possibly a nested path such as
 * {@code order.customer.name}.
 */
public record Mapping(Expression source, List<String> targetPath) {

  public String targetName() {
    return targetPath.get(0);
  }
}
