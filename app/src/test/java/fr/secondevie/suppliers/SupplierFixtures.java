package fr.secondevie.suppliers;

import fr.secondevie.common.Siret;
import fr.secondevie.processes.SupplierReferencingProcess.Origins;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Small builders for supplier tests (the database is shared: every SIRET and key is new). */
final class SupplierFixtures {

  private static final AtomicLong KEYS = new AtomicLong(System.nanoTime() / 1000);

  private SupplierFixtures() {}

  /** A valid SIRET nobody used yet (random, with its Luhn key). */
  static String newSiret() {
    StringBuilder digits = new StringBuilder("9");
    for (int i = 0; i < 12; i++) {
      digits.append(ThreadLocalRandom.current().nextInt(10));
    }
    for (int check = 0; check < 10; check++) {
      if (Siret.luhn(digits.toString() + check)) {
        return digits.toString() + check;
      }
    }
    throw new IllegalStateException("no Luhn key");
  }

  static long newProcessKey() {
    return KEYS.incrementAndGet();
  }

  static Candidate candidate(String name) {
    return new Candidate(
        name,
        newSiret(),
        "Camille Martin",
        "camille.martin@" + name.toLowerCase().replaceAll("[^a-z]", "") + ".example",
        "+33 2 35 00 00 00",
        List.of("RECONDITIONED_EQUIPMENT", "DISMANTLING_RECYCLING"),
        Origins.BUYER,
        null,
        "acheteur");
  }

  /** A minimal valid PDF. */
  static byte[] pdf() {
    return "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  static byte[] png() {
    return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
  }
}
