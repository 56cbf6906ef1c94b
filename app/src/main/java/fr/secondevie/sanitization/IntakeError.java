package fr.secondevie.sanitization;

/**
 * One problem of a submitted wipe report.
 *
 * @param field JSON path of the field (e.g. {@code drives[1].methodType}) or request parameter;
 *     null for a problem of a log line as a whole
 * @param line line of the submitted content, when known (1-based)
 * @param value the offending value, as submitted (shortened), or null
 * @param message French explanation
 */
record IntakeError(String field, Integer line, String value, String message) {

  static IntakeError field(String field, Integer line, Object value, String message) {
    return new IntakeError(field, line, shorten(value), message);
  }

  static IntakeError line(int line, String value, String message) {
    return new IntakeError(null, line, shorten(value), message);
  }

  private static String shorten(Object value) {
    if (value == null) {
      return null;
    }
    String s = value.toString();
    return s.length() <= 120 ? s : s.substring(0, 117) + "…";
  }
}
