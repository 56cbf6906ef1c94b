package fr.secondevie.tasks.form;

/** One choice of a radio, select, checklist or taglist: its value and its label. */
public record Option(Object value, String label) {

  /** The value as the HTML form carries it. */
  public String text() {
    return FeelValues.toText(value);
  }
}
