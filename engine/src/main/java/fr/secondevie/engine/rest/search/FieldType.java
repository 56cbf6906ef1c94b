package fr.secondevie.engine.rest.search;

import java.util.Set;

/**
 * The kinds of searchable fields and the filter operators each accepts, as the Camunda 8.8 REST API
 * defines them (string, basic-string for keys, integer, date-time, enum state filters).
 */
public enum FieldType {
  /** Text: {@code $eq $neq $exists $in $notIn $like}. */
  STRING(Set.of("$eq", "$neq", "$exists", "$in", "$notIn", "$like")),
  /** A key, sent as a numeric string: {@code $eq $neq $exists $in $notIn}. */
  KEY(Set.of("$eq", "$neq", "$exists", "$in", "$notIn")),
  /** An integer: {@code $eq $neq $exists $gt $gte $lt $lte $in $notIn}. */
  INTEGER(Set.of("$eq", "$neq", "$exists", "$gt", "$gte", "$lt", "$lte", "$in", "$notIn")),
  /** An ISO-8601 date-time: the integer operators with date-time operands. */
  DATE(Set.of("$eq", "$neq", "$exists", "$gt", "$gte", "$lt", "$lte", "$in", "$notIn")),
  /** A boolean: a plain value, or {@code $eq $neq $exists}. */
  BOOLEAN(Set.of("$eq", "$neq", "$exists")),
  /** One of fixed values (states, types): {@code $eq $neq $exists $in $notIn $like}. */
  ENUM(Set.of("$eq", "$neq", "$exists", "$in", "$notIn", "$like")),
  /** A list of strings matched element-wise (candidate groups): the string operators. */
  STRING_LIST(Set.of("$eq", "$neq", "$exists", "$in", "$notIn", "$like")),
  /** Variables: {@code [{"name": ..., "value": <string filter on the JSON text>}]}. */
  VARIABLES(Set.of()),
  /** Tags: every given tag must be present. */
  TAGS(Set.of());

  private final Set<String> operators;

  FieldType(Set<String> operators) {
    this.operators = operators;
  }

  public Set<String> operators() {
    return operators;
  }

  boolean isScalar() {
    return this != STRING_LIST && this != VARIABLES && this != TAGS;
  }
}
