package fr.secondevie.tasks.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValContext;
import org.camunda.feel.syntaxtree.ValList;
import org.camunda.feel.syntaxtree.ValNumber;
import org.camunda.feel.valuemapper.JavaCustomValueMapper;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Unpacks feel-engine's results as forms use them: numbers as {@link java.math.BigDecimal} (not
 * Long or Double, which would lose digits), lists and contexts as Java collections whose items are
 * unpacked the same way. Strings, booleans, dates and null are left to feel-engine's Java mapper.
 */
final class DecimalValueMapper extends JavaCustomValueMapper {

  @Override
  public Optional<Val> toValue(Object value, Function<Object, Val> innerValueMapper) {
    return Optional.empty();
  }

  @Override
  public Optional<Object> unpackValue(Val value, Function<Val, Object> innerValueMapper) {
    if (value instanceof ValNumber number) {
      return Optional.of(FeelValues.normalize(number.value().bigDecimal()));
    }
    if (value instanceof ValList list) {
      List<Object> items = new ArrayList<>();
      for (Val item : CollectionConverters.asJava(list.itemsAsSeq())) {
        items.add(innerValueMapper.apply(item));
      }
      return Optional.of(items);
    }
    if (value instanceof ValContext context) {
      Map<String, Object> entries = new LinkedHashMap<>();
      CollectionConverters.asJava(context.context().variableProvider().getVariables())
          .forEach(
              (key, item) ->
                  entries.put(
                      key,
                      item instanceof Val inner
                          ? innerValueMapper.apply(inner)
                          : FeelValues.normalize(item)));
      return Optional.of(entries);
    }
    return Optional.empty();
  }

  @Override
  public int priority() {
    return 100;
  }
}
