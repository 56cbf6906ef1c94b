package fr.secondevie.suppliers;

/** How a criterion is answered, and so how its answer becomes a fraction of its weight. */
enum AnswerType {
  /** Oui (1) or non (0). */
  YES_NO,
  /** One option among several, each with its fraction. */
  CHOICE,
  /** A number (years, months, points); the highest threshold reached gives the fraction. */
  NUMBER
}
