package fr.secondevie.engine.util;

import java.util.function.Function;

/**
 * A value or a failure message, for the places where failing is a normal outcome (expression
 * evaluation, parsing) and throwing would hide the flow.
 */
public sealed interface Either<T> {

  static <T> Either<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> Either<T> fail(String message) {
    return new Fail<>(message);
  }

  boolean isOk();

  T value();

  String failure();

  default <R> Either<R> map(Function<T, R> mapper) {
    return isOk() ? ok(mapper.apply(value())) : fail(failure());
  }

  default <R> Either<R> flatMap(Function<T, Either<R>> mapper) {
    return isOk() ? mapper.apply(value()) : fail(failure());
  }

  record Ok<T>(T value) implements Either<T> {
    @Override
    public boolean isOk() {
      return true;
    }

    @Override
    public String failure() {
      throw new IllegalStateException("Expected a failure but the result is a value");
    }
  }

  record Fail<T>(String failure) implements Either<T> {
    @Override
    public boolean isOk() {
      return false;
    }

    @Override
    public T value() {
      throw new IllegalStateException("Expected a value but the result failed: " + failure);
    }
  }
}
