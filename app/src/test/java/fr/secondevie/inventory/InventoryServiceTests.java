package fr.secondevie.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.inventory.InventoryCommands.AppendCustody;
import fr.secondevie.inventory.InventoryCommands.AssignRoute;
import fr.secondevie.inventory.InventoryCommands.ChangeStatus;
import fr.secondevie.inventory.InventoryCommands.RecordStorageDevice;
import fr.secondevie.support.TestDatabase;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The inventory API on a real MariaDB. */
@SpringBootTest
@AutoConfigureMockMvc
class InventoryServiceTests {

  @Autowired InventoryService inventory;
  @Autowired JdbcTemplate jdbc;

  String number;

  @BeforeEach
  void registerAnAsset() {
    number = "T-" + UUID.randomUUID().toString().substring(0, 8);
    inventory.register(
        number,
        new Asset.Description(
            "SN-" + number,
            "PC-CAR-1",
            AssetCategory.DESKTOP,
            "Dell",
            "OptiPlex 7060",
            "Hôpital Charles-Nicolle",
            "Hôpital Charles-Nicolle > Cardiologie",
            "Cardiologie",
            LocalDate.of(2018, 5, 14),
            71240L),
        AssetStatus.IN_SERVICE,
        "gestionnaire",
        "test",
        "register-" + number);
  }

  @Test
  void findsAnAssetByInventoryNumberWithItsFirstCustodyEntry() {
    Asset asset = inventory.get(number);

    assertThat(asset.status()).isEqualTo(AssetStatus.IN_SERVICE);
    assertThat(asset.acquisitionCostCents()).isEqualTo(71240L);
    assertThat(inventory.custodyOf(asset.id()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.seq()).isEqualTo(1);
              assertThat(e.action()).isEqualTo(CustodyAction.REGISTERED);
              assertThat(e.previousHash()).isEqualTo(CustodyEntry.GENESIS);
            });
    assertThat(inventory.verifyCustody(asset.id()).valid()).isTrue();
  }

  @Test
  void anUnknownInventoryNumberIsAssetNotFound() {
    assertThatThrownBy(
            () ->
                inventory.changeStatus(
                    new ChangeStatus("NOPE", AssetStatus.DECOMMISSIONING, "w", null, null, "op")))
        .isInstanceOf(AssetNotFoundException.class)
        .hasMessageContaining("NOPE");
  }

  @Test
  void aStatusChangeDeliveredTwiceIsAppliedOnce() {
    ChangeStatus command =
        new ChangeStatus(
            number,
            AssetStatus.DECOMMISSIONING,
            "worker:inventory.update-status",
            "Campagne 2026",
            "job 2251799813685249",
            "job-2251799813685249");

    var first = inventory.changeStatus(command);
    var second = inventory.changeStatus(command);

    assertThat(first.applied()).isTrue();
    assertThat(second.applied()).isFalse();
    assertThat(second.entry().id()).isEqualTo(first.entry().id());
    Asset asset = inventory.get(number);
    assertThat(asset.status()).isEqualTo(AssetStatus.DECOMMISSIONING);
    assertThat(asset.custodyLength()).isEqualTo(2);
    assertThat(inventory.custodyOf(asset.id())).hasSize(2);
  }

  @Test
  void anOperationIdCannotBeReusedForAnotherChange() {
    inventory.changeStatus(
        new ChangeStatus(number, AssetStatus.DECOMMISSIONING, "w", null, null, "op-1"));

    assertThatThrownBy(
            () ->
                inventory.changeStatus(
                    new ChangeStatus(number, AssetStatus.IN_STOCK, "w", null, null, "op-1")))
        .isInstanceOf(OperationConflictException.class);
  }

  @Test
  void anIllegalTransitionChangesNothing() {
    assertThatThrownBy(
            () ->
                inventory.changeStatus(
                    new ChangeStatus(number, AssetStatus.RECYCLED, "w", null, null, "op-2")))
        .isInstanceOf(IllegalStatusTransitionException.class)
        .hasMessageContaining("« En service » (IN_SERVICE) → « Recyclé » (RECYCLED)");

    Asset asset = inventory.get(number);
    assertThat(asset.status()).isEqualTo(AssetStatus.IN_SERVICE);
    assertThat(inventory.custodyOf(asset.id())).hasSize(1);
  }

  @Test
  void storageDevicesRoutesAndNotesAreRecordedInTheChain() {
    inventory.recordStorageDevice(
        new RecordStorageDevice(
            number,
            new StorageDevice("S4EWNX0R123456", StorageType.NVME, 512_110_190_592L, "PCIe", null),
            "technicien",
            "collect-1"));
    inventory.assignRoute(
        new AssignRoute(number, DispositionRoute.DONATION, "moins de 6 ans", "dmn", "route-1"));
    inventory.appendCustody(
        new AppendCustody(
            number, CustodyAction.HANDOVER, "technicien", "Remis à l'atelier", "bon 42", "ho-1"));

    Asset asset = inventory.get(number);
    assertThat(asset.storageDevices())
        .singleElement()
        .satisfies(d -> assertThat(d.type()).isEqualTo(StorageType.NVME));
    assertThat(asset.route()).isEqualTo(DispositionRoute.DONATION);
    assertThat(inventory.custodyOf(asset.id()))
        .extracting(CustodyEntry::action)
        .containsExactly(
            CustodyAction.REGISTERED,
            CustodyAction.STORAGE_RECORDED,
            CustodyAction.ROUTE_ASSIGNED,
            CustodyAction.HANDOVER);
    assertThat(inventory.verifyCustody(asset.id()).valid()).isTrue();
  }

  @Test
  void theDatabaseRefusesToUpdateOrDeleteCustodyEntries() {
    long id = inventory.get(number).id();

    assertThatThrownBy(
            () -> jdbc.update("UPDATE custody_entry SET actor = 'x' WHERE asset_id = ?", id))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM custody_entry WHERE asset_id = ?", id))
        .hasMessageContaining("append-only");
  }

  @Test
  void detectsAnAlteredEntry() {
    long id = buildChainOfFour();

    TestDatabase.asMaintenance(
        jdbc,
        "UPDATE custody_entry SET actor = 'quelqu''un d''autre' WHERE asset_id = "
            + id
            + " AND seq = 2");

    CustodyVerification verification = inventory.verifyCustody(id);
    assertThat(verification.valid()).isFalse();
    assertThat(verification.firstBrokenSeq()).isEqualTo(2);
    assertThat(verification.problem()).contains("modifiée");
  }

  @Test
  void detectsADeletedEntry() {
    long id = buildChainOfFour();

    TestDatabase.asMaintenance(
        jdbc, "DELETE FROM custody_entry WHERE asset_id = " + id + " AND seq = 3");

    CustodyVerification verification = inventory.verifyCustody(id);
    assertThat(verification.valid()).isFalse();
    assertThat(verification.firstBrokenSeq()).isEqualTo(3);
    assertThat(verification.problem()).contains("manque");
  }

  @Test
  void detectsADeletedLastEntry() {
    long id = buildChainOfFour();

    TestDatabase.asMaintenance(
        jdbc, "DELETE FROM custody_entry WHERE asset_id = " + id + " AND seq = 4");

    CustodyVerification verification = inventory.verifyCustody(id);
    assertThat(verification.valid()).isFalse();
    assertThat(verification.firstBrokenSeq()).isEqualTo(4);
    assertThat(verification.problem()).contains("supprimée");
  }

  @Test
  void detectsAnEntryRewrittenWithAFreshHash() {
    long id = buildChainOfFour();
    CustodyEntry second = inventory.custodyOf(id).get(1);
    CustodyEntry forged =
        CustodyEntry.seal(
            id,
            2,
            second.occurredAt(),
            "faussaire",
            second.action(),
            second.fromStatus(),
            second.toStatus(),
            second.details(),
            second.evidence(),
            second.operationId(),
            second.previousHash());

    TestDatabase.asMaintenance(
        jdbc,
        ("UPDATE custody_entry SET actor = 'faussaire', hash = '%s', hash_alg = 'SHA-256',"
                + " key_id = NULL WHERE asset_id = %d AND seq = 2")
            .formatted(forged.hash(), id));

    // the chain is keyed: an entry resealed with plain SHA-256 shows at once
    CustodyVerification verification = inventory.verifyCustody(id);
    assertThat(verification.valid()).isFalse();
    assertThat(verification.firstBrokenSeq()).isEqualTo(2);
    assertThat(verification.problem()).contains("n'est pas signée");
  }

  private long buildChainOfFour() {
    inventory.changeStatus(
        new ChangeStatus(number, AssetStatus.DECOMMISSIONING, "w", null, null, "a"));
    inventory.changeStatus(new ChangeStatus(number, AssetStatus.SANITIZING, "w", null, null, "b"));
    inventory.appendCustody(
        new AppendCustody(number, CustodyAction.NOTE, "w", "Collecté au magasin", null, "c"));
    long id = inventory.get(number).id();
    assertThat(inventory.verifyCustody(id).valid()).isTrue();
    assertThat(inventory.custodyOf(id)).hasSize(4);
    return id;
  }
}
