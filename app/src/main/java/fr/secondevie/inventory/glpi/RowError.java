package fr.secondevie.inventory.glpi;

/**
 * A problem found in an imported file.
 *
 * @param line line of the file (1 = header line); 0 for the file as a whole
 * @param field the column (as named in the file, or the expected GLPI name), or null
 * @param value the offending value (shortened), or null
 * @param message what is wrong and how to fix it, in French
 */
record RowError(int line, String field, String value, String message) {

  static final int MAX_VALUE_LENGTH = 120;

  public RowError {
    if (value != null && value.length() > MAX_VALUE_LENGTH) {
      value = value.substring(0, MAX_VALUE_LENGTH - 1) + "…";
    }
  }

  static RowError file(String message) {
    return new RowError(0, null, null, message);
  }
}
