package fr.secondevie.engine.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the kernel says listens on a TCP port ({@code /proc/net/tcp} and {@code tcp6}, state 0A =
 * LISTEN): the local addresses, as {@code 127.0.0.1}, {@code 0.0.0.0}, {@code ::1} or {@code ::}.
 * Linux only; {@link #available()} tells.
 */
final class ListeningSockets {

  private static final Path TCP = Path.of("/proc/net/tcp");
  private static final Path TCP6 = Path.of("/proc/net/tcp6");

  private ListeningSockets() {}

  static boolean available() {
    return Files.isReadable(TCP);
  }

  static List<String> localAddresses(int port) {
    List<String> addresses = new ArrayList<>();
    read(TCP, port, addresses);
    read(TCP6, port, addresses);
    return addresses;
  }

  private static void read(Path table, int port, List<String> into) {
    if (!Files.isReadable(table)) {
      return;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(table);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String portHex = String.format(Locale.ROOT, "%04X", port);
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.trim().split("\\s+");
      String[] local = fields[1].split(":");
      if (local[1].equals(portHex) && fields[3].equals("0A")) {
        into.add(address(local[0]));
      }
    }
  }

  /** Little-endian 32-bit words, as the kernel prints them. */
  private static String address(String hex) {
    if (hex.length() == 8) {
      long value = Long.parseLong(hex, 16);
      return (value & 0xFF)
          + "."
          + (value >> 8 & 0xFF)
          + "."
          + (value >> 16 & 0xFF)
          + "."
          + (value >> 24 & 0xFF);
    }
    StringBuilder ipv6 = new StringBuilder();
    for (int word = 0; word < 4; word++) {
      String w = hex.substring(word * 8, word * 8 + 8);
      for (int b = 3; b >= 0; b--) {
        ipv6.append(w, b * 2, b * 2 + 2);
      }
    }
    return compress(ipv6.toString().toLowerCase(Locale.ROOT));
  }

  private static String compress(String hex32) {
    if (hex32.equals("0".repeat(32))) {
      return "::";
    }
    if (hex32.equals("0".repeat(31) + "1")) {
      return "::1";
    }
    if (hex32.startsWith("0".repeat(20) + "ffff")) {
      long v = Long.parseLong(hex32.substring(24), 16);
      return "::ffff:"
          + (v >> 24 & 0xFF)
          + "."
          + (v >> 16 & 0xFF)
          + "."
          + (v >> 8 & 0xFF)
          + "."
          + (v & 0xFF);
    }
    return hex32;
  }
}
