package fr.secondevie.processes;

import org.springframework.modulith.NamedInterface;

/**
 * Decision {@code supplier-maturity} ({@code bpmn/supplier-maturity.dmn}): the sustainable-IT
 * maturity level (1–4) of a supplier and the bonus it earns in tender scoring, from the justified
 * score (only answers whose evidence an evaluator accepted count) and the number of axes of the
 * Charte Numérique Responsable covered by accepted evidence.
 *
 * <p>Hit policy FIRST. Thresholds (justified score out of 100, one decimal): level 4 from 75 with
 * the five axes covered, level 3 from 50 with at least three axes, level 2 from 25, level 1 below.
 * The business rule task {@code decide-maturity} reads the process variables of the same names.
 */
@NamedInterface("api")
public final class SupplierMaturityDecision {

  /** DMN decision id. */
  public static final String DECISION_ID = "supplier-maturity";

  /** Model file name under {@code bpmn/}. */
  public static final String RESOURCE = "supplier-maturity.dmn";

  /** Input names (FEEL expressions of the input columns). */
  public static final class Inputs {

    /** Justified score, 0–100 with one decimal. */
    public static final String JUSTIFIED_SCORE = "justifiedScore";

    /** Axes (0–5) with at least one criterion whose evidence was accepted. */
    public static final String AXES_COVERED = "axesCovered";

    private Inputs() {}
  }

  /** Output names. */
  public static final class Outputs {

    /** 1 (initial), 2 (engagé), 3 (avancé), 4 (exemplaire). */
    public static final String MATURITY_LEVEL = "maturityLevel";

    /** Points added to the CSR sub-criterion of a tender's technical score (out of 100). */
    public static final String TENDER_BONUS = "tenderBonus";

    /** French sentence naming the threshold. */
    public static final String REASON = "reason";

    private Outputs() {}
  }

  /** Threshold values of the table (also held by the tests). */
  public static final class Thresholds {

    public static final double LEVEL_2_SCORE = 25;
    public static final double LEVEL_3_SCORE = 50;
    public static final int LEVEL_3_AXES = 3;
    public static final double LEVEL_4_SCORE = 75;
    public static final int LEVEL_4_AXES = 5;

    private Thresholds() {}
  }

  private SupplierMaturityDecision() {}
}
