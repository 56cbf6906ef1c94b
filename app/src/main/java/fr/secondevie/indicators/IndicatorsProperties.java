package fr.secondevie.indicators;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Settings of the indicators module ({@code secondevie.indicators.*}).
 *
 * @param deductionRate share of the labour cost of EA/ESAT attestations that the hospital's
 *     disability-employment declaration may deduct (default 0.30)
 * @param deductionSource the rule and its source, shown next to the figure
 * @param annualReportDate {@code MM-dd} from which the report of year N−1 is due (default {@code
 *     01-15}: mid-January)
 */
@ConfigurationProperties("secondevie.indicators")
record IndicatorsProperties(
    BigDecimal deductionRate, String deductionSource, String annualReportDate) {

  static final BigDecimal DEFAULT_RATE = new BigDecimal("0.30");
  static final String DEFAULT_SOURCE =
      "Code du travail D.5212-21 (décret 2019-523) : déduction de 30 % du coût de la main-d'œuvre"
          + " figurant sur l'attestation de l'entreprise adaptée ou de l'ESAT (arrêté du 19 novembre"
          + " 2020, « montant 3 » / « montant 4 »), règle des employeurs privés ; la formule du"
          + " FIPHFP pour les employeurs publics est à vérifier et se règle ici.";

  IndicatorsProperties {
    if (deductionRate == null) {
      deductionRate = DEFAULT_RATE;
    }
    if (deductionRate.signum() < 0 || deductionRate.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException(
          "secondevie.indicators.deduction-rate must be between 0 and 1, got " + deductionRate);
    }
    if (deductionSource == null || deductionSource.isBlank()) {
      deductionSource = DEFAULT_SOURCE;
    }
    if (annualReportDate == null || annualReportDate.isBlank()) {
      annualReportDate = "01-15";
    }
    try {
      java.time.MonthDay.parse("--" + annualReportDate.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          "secondevie.indicators.annual-report-date must be MM-dd (e.g. 01-15), got "
              + annualReportDate,
          e);
    }
  }

  /** The day of the year from which the report of year N−1 is due. */
  java.time.MonthDay annualReportDay() {
    return java.time.MonthDay.parse("--" + annualReportDate.strip());
  }

  @Configuration
  @EnableConfigurationProperties(IndicatorsProperties.class)
  static class Config {}
}
