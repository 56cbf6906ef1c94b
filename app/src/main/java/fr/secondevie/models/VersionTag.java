package fr.secondevie.models;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Orders version tags written as dotted numbers ({@code 1.0.0}, {@code 1.10}, {@code 2026.12.1}); a
 * tag with anything else ({@code chu-2}, {@code 1.0-rc}) has no order and is never "older" than a
 * bundled model.
 */
final class VersionTag {

  private static final Pattern DOTTED = Pattern.compile("\\d{1,9}(\\.\\d{1,9})*");

  private VersionTag() {}

  static boolean isOrdered(String tag) {
    return tag != null && DOTTED.matcher(tag.strip()).matches();
  }

  /** Negative, zero or positive as {@code a} is older than, equal to or newer than {@code b}. */
  static int compare(String a, String b) {
    String[] left = a.strip().split("\\.");
    String[] right = b.strip().split("\\.");
    for (int i = 0; i < Math.max(left.length, right.length); i++) {
      int l = i < left.length ? Integer.parseInt(left[i]) : 0;
      int r = i < right.length ? Integer.parseInt(right[i]) : 0;
      if (l != r) {
        return Integer.compare(l, r);
      }
    }
    return 0;
  }

  static Optional<String> newest(Iterable<String> tags) {
    String newest = null;
    for (String tag : tags) {
      if (isOrdered(tag) && (newest == null || compare(tag, newest) > 0)) {
        newest = tag;
      }
    }
    return Optional.ofNullable(newest);
  }
}
