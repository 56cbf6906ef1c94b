package fr.secondevie.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import org.springframework.modulith.NamedInterface;

/**
 * Amounts and ages written the French way, one way for every page, document, e-mail and custody
 * entry: "1 234,56 €" (no-break spaces), "8 ans et 7 mois". A missing value reads "—".
 */
@NamedInterface("api")
public final class FrenchFormats {

  /** What a missing value reads. */
  public static final String MISSING = "—";

  private FrenchFormats() {}

  /** 1234.5 → "1 234,50 €", rounded half up to the cent. */
  public static String euros(BigDecimal amount) {
    if (amount == null) {
      return MISSING;
    }
    NumberFormat format = NumberFormat.getCurrencyInstance(Locale.FRANCE);
    // the JDK groups thousands with a narrow no-break space: one kind of space everywhere
    return format.format(amount.setScale(2, RoundingMode.HALF_UP)).replace('\u202f', '\u00a0');
  }

  /** 123456 (cents) → "1 234,56 €". */
  public static String euros(Long cents) {
    return cents == null ? MISSING : euros(BigDecimal.valueOf(cents, 2));
  }

  /** 8.59726 → "8 ans et 7 mois"; 1 → "1 an"; 0.5 → "6 mois"; 0.01 → "moins d'un mois". */
  public static String age(BigDecimal years) {
    if (years == null) {
      return MISSING;
    }
    long months =
        years.multiply(BigDecimal.valueOf(12)).setScale(0, RoundingMode.FLOOR).longValueExact();
    long y = months / 12;
    long m = months % 12;
    String yearsText = y == 0 ? "" : y + (y == 1 ? " an" : " ans");
    String monthsText = m == 0 ? "" : m + " mois";
    if (yearsText.isEmpty() && monthsText.isEmpty()) {
      return "moins d'un mois";
    }
    if (yearsText.isEmpty() || monthsText.isEmpty()) {
      return yearsText + monthsText;
    }
    return yearsText + " et " + monthsText;
  }

  /** The same from a decimal number of years (an assessment's {@code ageYears}). */
  public static String age(Double years) {
    return years == null ? MISSING : age(BigDecimal.valueOf(years));
  }
}
