package fr.secondevie.inventory;

import java.util.List;

/**
 * Result of checking an asset's chain of custody.
 *
 * @param valid true when every entry is intact and none is missing
 * @param entries number of entries found
 * @param firstBrokenSeq sequence number of the first entry that does not verify (for a missing
 *     entry: the sequence number that is missing), or null when valid
 * @param problem what is wrong with it, in French, or null when valid
 */
public record CustodyVerification(
    boolean valid, int entries, Integer firstBrokenSeq, String problem) {

  /**
   * Checks entries (ordered by sequence number) against the head recorded on the asset.
   *
   * <p>Detects an altered entry (its recomputed hash differs), a removed or reordered entry (a gap
   * in the sequence or a previous-hash that does not match) and a removed last entry (the chain is
   * shorter than, or ends elsewhere than, the head recorded on the asset).
   */
  public static CustodyVerification of(
      List<CustodyEntry> entries, int expectedLength, String expectedHeadHash) {
    String previous = CustodyEntry.GENESIS;
    int expectedSeq = 1;
    for (CustodyEntry entry : entries) {
      if (entry.seq() != expectedSeq) {
        return broken(
            entries.size(),
            expectedSeq,
            "l'entrée n° %d manque (la chaîne passe de la n° %d à la n° %d)"
                .formatted(expectedSeq, expectedSeq - 1, entry.seq()));
      }
      if (!entry.previousHash().equals(previous)) {
        return broken(
            entries.size(),
            entry.seq(),
            "l'entrée n° %d ne suit pas la précédente (empreinte précédente différente)"
                .formatted(entry.seq()));
      }
      if (!entry.computeHash().equals(entry.hash())) {
        return broken(
            entries.size(),
            entry.seq(),
            "l'entrée n° %d a été modifiée (son empreinte ne correspond plus à son contenu)"
                .formatted(entry.seq()));
      }
      previous = entry.hash();
      expectedSeq++;
    }
    if (entries.size() < expectedLength) {
      return broken(
          entries.size(),
          entries.size() + 1,
          "%d entrée(s) attendue(s), %d trouvée(s) : la ou les dernières ont été supprimées"
              .formatted(expectedLength, entries.size()));
    }
    if (entries.size() > expectedLength
        || (expectedHeadHash != null && !expectedHeadHash.equals(previous))) {
      return broken(
          entries.size(),
          Math.min(entries.size(), expectedLength + 1),
          "la fin de la chaîne ne correspond pas à la tête enregistrée sur l'équipement");
    }
    return new CustodyVerification(true, entries.size(), null, null);
  }

  private static CustodyVerification broken(int entries, int seq, String problem) {
    return new CustodyVerification(false, entries, seq, problem);
  }
}
