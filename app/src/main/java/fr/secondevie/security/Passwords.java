package fr.secondevie.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The password and user-name policy of local accounts, and generated passwords. */
final class Passwords {

  static final int MIN_LENGTH = 12;

  /** BCrypt reads 72 bytes at most: longer passwords would be cut silently. */
  static final int MAX_BYTES = 72;

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

  /** No 0/O, 1/l/I: generated passwords are read and typed by people. */
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private static final SecureRandom RANDOM = new SecureRandom();

  private Passwords() {}

  /** 20 characters of 57: about 116 bits. */
  static String generate() {
    StringBuilder password = new StringBuilder(20);
    for (int i = 0; i < 20; i++) {
      password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }

  /** Why the password is refused, in French, or empty when it is acceptable. */
  static Optional<String> problem(String password, String username) {
    if (password == null || password.isBlank()) {
      return Optional.of("Saisissez un mot de passe.");
    }
    if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return Optional.of("Le mot de passe doit compter au moins " + MIN_LENGTH + " caractères.");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.of("Le mot de passe est trop long (" + MAX_BYTES + " octets au plus).");
    }
    if (username != null && password.toLowerCase(Locale.ROOT).contains(username)) {
      return Optional.of("Le mot de passe ne doit pas contenir l'identifiant.");
    }
    return Optional.empty();
  }

  /** Why the user name is refused, in French, or empty when it is acceptable. */
  static Optional<String> usernameProblem(String username) {
    if (username == null || username.isBlank()) {
      return Optional.of("Saisissez un identifiant.");
    }
    if (!USERNAME.matcher(username).matches()) {
      return Optional.of(
          "L'identifiant compte de 2 à 64 caractères : lettres minuscules sans accent, chiffres,"
              + " point, tiret ou souligné, en commençant par une lettre ou un chiffre.");
    }
    return Optional.empty();
  }

  /** The longest display name a local account may have. */
  static final int MAX_DISPLAY_NAME = 80;

  /**
   * What is wrong with a display name, if anything: optional, at most {@value #MAX_DISPLAY_NAME}
   * characters, no control character and no square bracket (the chain of custody writes the login
   * between brackets after the name).
   */
  static Optional<String> displayNameProblem(String displayName) {
    if (displayName == null || displayName.isBlank()) {
      return Optional.empty();
    }
    if (displayName.strip().length() > MAX_DISPLAY_NAME) {
      return Optional.of(
          "Le nom affiché compte au plus "
              + MAX_DISPLAY_NAME
              + " caractères ("
              + displayName.strip().length()
              + " actuellement).");
    }
    if (displayName.chars().anyMatch(c -> Character.isISOControl(c) || c == '[' || c == ']')) {
      return Optional.of(
          "Le nom affiché ne peut contenir ni retour à la ligne, ni caractère de contrôle, ni"
              + " crochet.");
    }
    return Optional.empty();
  }

  static boolean tooLongForBcrypt(CharSequence password) {
    return password.toString().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
  }
}
