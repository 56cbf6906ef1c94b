package fr.secondevie.processes;

import org.springframework.modulith.NamedInterface;

/**
 * Decision {@code asset-route} ({@code bpmn/asset-route.dmn}): the route of a sanitized asset.
 *
 * <p>Hit policy FIRST: the first matching rule, in table order, wins, so the order of the rows is
 * their priority (sanitization, then the 10-year limit, then completeness, then reuse, donation and
 * reconditioning, and a final catch-all {@code REVIEW}). The business rule task {@code
 * decide-route} maps the process variables onto the inputs below.
 */
@NamedInterface("api")
public final class AssetRouteDecision {

  /** DMN decision id. */
  public static final String DECISION_ID = "asset-route";

  /** Model file name under {@code bpmn/}. */
  public static final String RESOURCE = "asset-route.dmn";

  /** Input names (FEEL expressions of the input columns). */
  public static final class Inputs {

    /** Asset category (inventory names: DESKTOP, LAPTOP, MONITOR, SERVER, PRINTER, PHONE…). */
    public static final String CATEGORY = "category";

    /** Exact age in decimal years at the decision date; 10 is not "over 10 years". */
    public static final String AGE_YEARS = "ageYears";

    /** Condition grade A–D from the inspection. */
    public static final String CONDITION_GRADE = "conditionGrade";

    /** Whether the asset works. */
    public static final String FUNCTIONAL = "functional";

    /** Residual unit value in euros; 300 is allowed for a donation, 300.01 is not. */
    public static final String RESIDUAL_UNIT_VALUE = "residualUnitValue";

    /** {@link AssetEndOfLifeProcess.SanitizationOutcomes}. */
    public static final String SANITIZATION_OUTCOME = "sanitizationOutcome";

    /** Battery health in percent (laptops), null otherwise. */
    public static final String BATTERY_HEALTH_PERCENT = "batteryHealthPercent";

    /** Whether the installed operating system is still supported, null when not applicable. */
    public static final String OS_SUPPORTED = "osSupported";

    private Inputs() {}
  }

  /** Output names. */
  public static final class Outputs {

    /** One of {@link Routes}. */
    public static final String ROUTE = "route";

    /** French sentence citing the rule. */
    public static final String REASON = "reason";

    private Outputs() {}
  }

  /** Values of output {@code route}. */
  public static final class Routes {

    public static final String INTERNAL_REUSE = "INTERNAL_REUSE";
    public static final String DONATION = "DONATION";
    public static final String RECONDITION = "RECONDITION";
    public static final String RECYCLE = "RECYCLE";

    /** No automatic route: user task {@code arbitrate-route}. */
    public static final String REVIEW = "REVIEW";

    private Routes() {}
  }

  private AssetRouteDecision() {}
}
