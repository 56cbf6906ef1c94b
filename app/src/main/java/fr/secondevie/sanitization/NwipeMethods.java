package fr.secondevie.sanitization;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The method labels nwipe writes in the closing line of its Drive Status table ({@code
 * nwipe_method_label}, {@code src/method.c}), exactly as written, each with the releases that write
 * it and what it is worth as a sanitization.
 */
final class NwipeMethods {

  /**
   * The erasing labels. Every one is a software overwrite of the addressable sectors: at most Clear
   * on any medium ({@link MediaPolicy#maxLevel}), whatever its number of passes. The labels of the
   * verification-only methods are {@link #VERIFY_ONLY}.
   */
  static final Map<String, MethodMapping> METHODS = new LinkedHashMap<>();

  /** Labels of nwipe's verification-only methods: a run with one of them erased nothing. */
  static final Map<String, Releases> VERIFY_ONLY = new LinkedHashMap<>();

  /** The first and last nwipe release (minor versions, 0.x) writing a label; 0 = still written. */
  record Releases(int from, int to) {

    boolean include(String version) {
      Integer minor = minor(version);
      return minor == null || minor >= from && (to == 0 || minor <= to);
    }

    String describe() {
      return to == 0 ? "à partir de 0.%d".formatted(from) : "de 0.%d à 0.%d".formatted(from, to);
    }
  }

  record MethodMapping(
      SanitizationLevel methodType, SanitizationMethod method, String note, Releases releases) {}

  private static final int FIRST = 28;

  static {
    overwrite("DoD 5220.22-M", "7 passes (DoD 5220.22-M)", FIRST, 0);
    overwrite("DoD Short", "3 passes (DoD 5220.22-M, passes 1, 2 et 7)", FIRST, 0);
    overwrite("Gutmann Wipe", "35 passes (Gutmann)", FIRST, 0);
    overwrite("RCMP TSSIT OPS-II", "8 passes (RCMP TSSIT OPS-II)", FIRST, 0);
    overwrite("PRNG Stream", "flux pseudo-aléatoire", FIRST, 0);
    overwrite("Zero Fill", "remplissage de zéros", FIRST, 31);
    overwrite("Fill With Zeros", "remplissage de zéros", 32, 0);
    overwrite("Fill With Ones", "remplissage de uns (0xFF)", 32, 0);
    overwrite("HMG IS5 Enhanced", "3 passes (HMG IS5 renforcé)", FIRST, 0);
    overwrite("Bruce Schneier 7-Pass", "7 passes (Schneier)", 39, 0);
    overwrite("BMB21-2019", "6 passes (BMB21-2019)", 40, 0);
    VERIFY_ONLY.put("Verify Blank", new Releases(FIRST, 31));
    VERIFY_ONLY.put("Verify Zeros (0x00)", new Releases(32, 0));
    VERIFY_ONLY.put("Verify Ones  (0xFF)", new Releases(32, 0));
  }

  private NwipeMethods() {}

  private static void overwrite(String label, String passes, int from, int to) {
    METHODS.put(
        label,
        new MethodMapping(
            SanitizationLevel.CLEAR,
            SanitizationMethod.OVERWRITE,
            "écrasement logiciel, %s : Clear au plus (n'atteint ni les secteurs réalloués ni les blocs de réserve d'une mémoire flash)"
                .formatted(passes),
            new Releases(from, to)));
  }

  /** The minor version of a 0.x release ("0.38", "v0.38.1" → 38), or null. */
  static Integer minor(String version) {
    if (version == null) {
      return null;
    }
    Matcher m = Pattern.compile("^v?0\\.(\\d+)").matcher(version.strip());
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }
}
