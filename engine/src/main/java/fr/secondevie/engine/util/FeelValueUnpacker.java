package fr.secondevie.engine.util;

import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.valuemapper.ValueMapper;

/** Turns a FEEL value (as found in dmn-scala audit logs) into a Java value. */
final class FeelValueUnpacker {

  private static final ValueMapper MAPPER = FeelEngineBuilder.forJava().valueMapper();

  private FeelValueUnpacker() {}

  static Object unpack(Val val) {
    return MAPPER.unpackVal(val);
  }
}
