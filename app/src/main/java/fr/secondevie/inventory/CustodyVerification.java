package fr.secondevie.inventory;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * Result of checking an asset's chain of custody.
 *
 * @param valid true when every entry is intact and none is missing
 * @param entries number of entries found
 * @param firstBrokenSeq sequence number of the first entry that does not verify (for a missing
 *     entry: the sequence number that is missing), or null when valid
 * @param problem what is wrong with it, in French, or null when valid
 * @param unkeyedUntil the last sequence number of the chain's legacy prefix (entries sealed with a
 *     plain SHA-256 before the chain was keyed, which a database user could rewrite), or 0 when
 *     every entry is keyed
 */
@NamedInterface("api")
public record CustodyVerification(
    boolean valid, int entries, Integer firstBrokenSeq, String problem, int unkeyedUntil) {

  /** Whether the chain verifies (alias read by auditors' checks). */
  public boolean intact() {
    return valid;
  }

  /** French note on the legacy prefix, or null when every entry is keyed. */
  public String unkeyedNote() {
    return unkeyedUntil == 0 ? null : "non signée jusqu'à l'entrée n° " + unkeyedUntil;
  }

  /**
   * Checks entries (ordered by sequence number) against the head recorded on the asset and the key.
   *
   * <p>Detects an altered entry (its recomputed hash — HMAC under the key for a keyed entry,
   * SHA-256 for a legacy one — differs), an entry keyed with another key, an unkeyed entry after a
   * keyed one (a tail rewritten by someone without the key), a removed or reordered entry (a gap in
   * the sequence or a previous-hash that does not match) and a removed last entry (the chain is
   * shorter than, or ends elsewhere than, the head recorded on the asset).
   */
  public static CustodyVerification of(
      List<CustodyEntry> entries, int expectedLength, String expectedHeadHash, CustodySeal seal) {
    String previous = CustodyEntry.GENESIS;
    int expectedSeq = 1;
    int unkeyedUntil = 0;
    boolean keyedSeen = false;
    for (CustodyEntry entry : entries) {
      if (entry.seq() != expectedSeq) {
        return broken(
            entries.size(),
            expectedSeq,
            "l'entrée n° %d manque (la chaîne passe de la n° %d à la n° %d)"
                .formatted(expectedSeq, expectedSeq - 1, entry.seq()),
            unkeyedUntil);
      }
      if (!entry.previousHash().equals(previous)) {
        return broken(
            entries.size(),
            entry.seq(),
            "l'entrée n° %d ne suit pas la précédente (empreinte précédente différente)"
                .formatted(entry.seq()),
            unkeyedUntil);
      }
      String expected;
      if (entry.keyed()) {
        if (!seal.keyId().equals(entry.keyId())) {
          return broken(
              entries.size(),
              entry.seq(),
              ("l'entrée n° %d est signée avec une autre clé (%s) que la clé configurée (%s) :"
                      + " la chaîne ne peut pas être vérifiée")
                  .formatted(entry.seq(), entry.keyId(), seal.keyId()),
              unkeyedUntil);
        }
        keyedSeen = true;
        expected = seal.mac(entry.canonicalContent());
      } else if (CustodySeal.SHA256.equals(entry.hashAlg())) {
        if (keyedSeen) {
          return broken(
              entries.size(),
              entry.seq(),
              ("l'entrée n° %d n'est pas signée alors que les précédentes le sont : la fin de la"
                      + " chaîne a été réécrite sans la clé")
                  .formatted(entry.seq()),
              unkeyedUntil);
        }
        unkeyedUntil = entry.seq();
        expected = entry.computeHash();
      } else {
        return broken(
            entries.size(),
            entry.seq(),
            "l'entrée n° %d a un mode de scellement inconnu (%s)"
                .formatted(entry.seq(), entry.hashAlg()),
            unkeyedUntil);
      }
      if (!expected.equals(entry.hash())) {
        return broken(
            entries.size(),
            entry.seq(),
            "l'entrée n° %d a été modifiée (son empreinte ne correspond plus à son contenu)"
                .formatted(entry.seq()),
            unkeyedUntil);
      }
      previous = entry.hash();
      expectedSeq++;
    }
    if (entries.size() < expectedLength) {
      return broken(
          entries.size(),
          entries.size() + 1,
          "%d entrée(s) attendue(s), %d trouvée(s) : la ou les dernières ont été supprimées"
              .formatted(expectedLength, entries.size()),
          unkeyedUntil);
    }
    if (entries.size() > expectedLength
        || (expectedHeadHash != null && !expectedHeadHash.equals(previous))) {
      return broken(
          entries.size(),
          Math.min(entries.size(), expectedLength + 1),
          "la fin de la chaîne ne correspond pas à la tête enregistrée sur l'équipement",
          unkeyedUntil);
    }
    return new CustodyVerification(true, entries.size(), null, null, unkeyedUntil);
  }

  private static CustodyVerification broken(
      int entries, int seq, String problem, int unkeyedUntil) {
    return new CustodyVerification(false, entries, seq, problem, unkeyedUntil);
  }
}
