package fr.secondevie.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.inventory.InventoryCommands.AppendCustody;
import fr.secondevie.inventory.InventoryCommands.ChangeStatus;
import fr.secondevie.support.Assets;
import fr.secondevie.support.TestDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Attack: a database user rewrites the tail of an asset's chain of custody and its head
 * consistently — with plain SHA-256, as anyone reading the code can — or forges an entry that
 * claims to be keyed. The chain is keyed with HMAC-SHA256 under a key outside the database: {@code
 * verifyCustody} detects each rewrite, and the media-clearance guard refuses to let the asset leave
 * with nothing written. A chain written before the key verifies as before, marked unkeyed until its
 * last legacy entry.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CustodyAttackTests {

  @Autowired InventoryService inventory;
  @Autowired CustodySeal seal;
  @Autowired JdbcTemplate jdbc;

  Asset monitor;

  @BeforeEach
  void aMonitorWithAKeyedChainOfFour() {
    TestDatabase.clean(jdbc);
    monitor =
        Assets.moveTo(
            inventory,
            Assets.register(inventory, AssetCategory.MONITOR, "Pharmacie", null, null),
            AssetStatus.DECOMMISSIONING,
            AssetStatus.SANITIZING);
    inventory.appendCustody(
        new AppendCustody(
            monitor.inventoryNumber(), CustodyAction.NOTE, "technicien", "Collecté", null, "n-1"));
    monitor = inventory.get(monitor.inventoryNumber());
  }

  List<CustodyEntry> chain() {
    return inventory.custodyOf(monitor.id());
  }

  /** Inserts an entry as a database user would (INSERT is not refused by the triggers). */
  void insert(CustodyEntry e) {
    jdbc.update(
        "INSERT INTO custody_entry (asset_id, seq, occurred_at, actor, action, from_status,"
            + " to_status, details, evidence, operation_id, previous_hash, hash, hash_alg, key_id)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        e.assetId(),
        e.seq(),
        Timestamp.from(e.occurredAt()),
        e.actor(),
        e.action().name(),
        e.fromStatus() == null ? null : e.fromStatus().name(),
        e.toStatus() == null ? null : e.toStatus().name(),
        e.details(),
        e.evidence(),
        e.operationId(),
        e.previousHash(),
        e.hash(),
        e.hashAlg(),
        e.keyId());
  }

  void moveHeadTo(CustodyEntry e) {
    jdbc.update(
        "UPDATE asset SET custody_length = ?, custody_head_hash = ? WHERE id = ?",
        e.seq(),
        e.hash(),
        monitor.id());
  }

  CustodyEntry sha256Entry(int seq, String actor, String details, String previousHash) {
    return CustodyEntry.seal(
        monitor.id(),
        seq,
        Instant.parse("2026-03-12T09:00:00Z"),
        actor,
        CustodyAction.NOTE,
        AssetStatus.SANITIZING,
        AssetStatus.SANITIZING,
        details,
        null,
        "forged-" + seq,
        previousHash);
  }

  @Test
  void shouldKeyEveryNewEntry() {
    // when
    CustodyVerification verification = inventory.verifyCustody(monitor.id());

    // then
    assertThat(chain())
        .hasSize(4)
        .allSatisfy(
            e -> {
              assertThat(e.hashAlg()).isEqualTo(CustodySeal.HMAC_SHA256);
              assertThat(e.keyId()).isEqualTo(seal.keyId());
              assertThat(e.hash()).isNotEqualTo(e.computeHash());
            });
    assertThat(verification.intact()).isTrue();
    assertThat(verification.unkeyedUntil()).isZero();
  }

  @Test
  void shouldDetectATailRewrittenWithAConsistentSha256Head() {
    // given: the last entry replaced by a forged one chained with SHA-256, and the head moved
    CustodyEntry third = chain().get(2);
    CustodyEntry forged = sha256Entry(4, "faussaire", "Rien à signaler", third.hash());
    TestDatabase.asMaintenance(
        jdbc, "DELETE FROM custody_entry WHERE asset_id = " + monitor.id() + " AND seq = 4");
    insert(forged);
    moveHeadTo(forged);

    // when
    CustodyVerification verification = inventory.verifyCustody(monitor.id());

    // then
    assertThat(verification.intact()).isFalse();
    assertThat(verification.firstBrokenSeq()).isEqualTo(4);
    assertThat(verification.problem()).contains("n'est pas signée", "réécrite sans la clé");
  }

  @Test
  void shouldDetectAForgedTailAppendedWithoutTouchingTheTriggers() {
    // given: two forged entries appended after the real head (no UPDATE/DELETE needed)
    CustodyEntry head = chain().get(3);
    CustodyEntry fifth = sha256Entry(5, "faussaire", "Remis à l'atelier", head.hash());
    CustodyEntry sixth = sha256Entry(6, "faussaire", "Détruit", fifth.hash());
    insert(fifth);
    insert(sixth);
    moveHeadTo(sixth);

    // when
    CustodyVerification verification = inventory.verifyCustody(monitor.id());

    // then
    assertThat(verification.intact()).isFalse();
    assertThat(verification.firstBrokenSeq()).isEqualTo(5);
  }

  @Test
  void shouldDetectAnEntryClaimingTheKeyWithoutIt() {
    // given: the forger labels the entry as keyed with the real key id, but has not got the key
    CustodyEntry head = chain().get(3);
    CustodyEntry unsealed = sha256Entry(5, "faussaire", "Remis", head.hash());
    CustodyEntry claimed =
        CustodyEntry.unsealed(
                unsealed.assetId(),
                5,
                unsealed.occurredAt(),
                unsealed.actor(),
                unsealed.action(),
                unsealed.fromStatus(),
                unsealed.toStatus(),
                unsealed.details(),
                unsealed.evidence(),
                unsealed.operationId(),
                unsealed.previousHash(),
                CustodySeal.HMAC_SHA256,
                seal.keyId())
            .withHash(new CustodySeal(new byte[32]).mac("anything"));
    insert(claimed);
    moveHeadTo(claimed);

    // when
    CustodyVerification verification = inventory.verifyCustody(monitor.id());

    // then
    assertThat(verification.intact()).isFalse();
    assertThat(verification.firstBrokenSeq()).isEqualTo(5);
    assertThat(verification.problem()).contains("modifiée");
  }

  @Test
  void shouldRefuseToLetTheAssetLeaveOnARewrittenChainWithNothingWritten() {
    // given
    CustodyEntry head = chain().get(3);
    CustodyEntry forged = sha256Entry(5, "faussaire", "Effacé", head.hash());
    insert(forged);
    moveHeadTo(forged);

    // when / then
    assertThatThrownBy(
            () ->
                inventory.changeStatus(
                    new ChangeStatus(
                        monitor.inventoryNumber(),
                        AssetStatus.SANITIZED,
                        "worker:inventory.update-status",
                        null,
                        null,
                        "sanitized")))
        .hasMessageContaining("chaîne de traçabilité est rompue à l'entrée n° 5");
    assertThat(inventory.get(monitor.inventoryNumber()).status()).isEqualTo(AssetStatus.SANITIZING);
    assertThat(chain()).hasSize(5);
  }

  @Test
  void shouldNotVerifyAKeyedChainWithAnotherKey() {
    // given
    Asset asset = inventory.get(monitor.inventoryNumber());
    CustodySeal otherKey = new CustodySeal(new byte[48]);

    // when
    CustodyVerification verification =
        CustodyVerification.of(chain(), asset.custodyLength(), asset.custodyHeadHash(), otherKey);

    // then
    assertThat(verification.intact()).isFalse();
    assertThat(verification.firstBrokenSeq()).isEqualTo(1);
    assertThat(verification.problem()).contains("autre clé");
  }

  @Test
  void shouldVerifyALegacyChainAsBeforeAndKeyWhatFollows() {
    // given: the chain as written before V61, plain SHA-256 entries
    TestDatabase.asMaintenance(jdbc, "DELETE FROM custody_entry WHERE asset_id = " + monitor.id());
    CustodyEntry first = sha256Entry(1, "gestionnaire", "Enregistré", CustodyEntry.GENESIS);
    CustodyEntry second = sha256Entry(2, "technicien", "Collecté", first.hash());
    insert(first);
    insert(second);
    moveHeadTo(second);
    assertThat(inventory.verifyCustody(monitor.id()))
        .satisfies(
            v -> {
              assertThat(v.intact()).isTrue();
              assertThat(v.unkeyedUntil()).isEqualTo(2);
              assertThat(v.unkeyedNote()).isEqualTo("non signée jusqu'à l'entrée n° 2");
            });

    // when: the application appends to it
    inventory.appendCustody(
        new AppendCustody(
            monitor.inventoryNumber(), CustodyAction.NOTE, "technicien", "Pesé", null, "n-2"));

    // then: the new entry is keyed, the legacy prefix still verifies
    CustodyVerification verification = inventory.verifyCustody(monitor.id());
    assertThat(verification.intact()).isTrue();
    assertThat(verification.entries()).isEqualTo(3);
    assertThat(verification.unkeyedUntil()).isEqualTo(2);
    assertThat(chain().get(2).keyed()).isTrue();

    // and a legacy entry altered in place is still detected
    TestDatabase.asMaintenance(
        jdbc,
        "UPDATE custody_entry SET actor = 'autre' WHERE asset_id = "
            + monitor.id()
            + " AND seq = 1");
    assertThat(inventory.verifyCustody(monitor.id()).intact()).isFalse();
  }
}
