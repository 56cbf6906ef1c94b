package fr.secondevie.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.inventory.InspectionService.FoundDevice;
import fr.secondevie.inventory.InspectionService.RecordInspection;
import fr.secondevie.inventory.InventoryCommands.AppendCustody;
import fr.secondevie.inventory.InventoryCommands.ChangeStatus;
import fr.secondevie.inventory.InventoryCommands.Outcome;
import fr.secondevie.inventory.InventoryCommands.RecordStorageDevice;
import fr.secondevie.support.Concurrently;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commands on different assets run at once, as several job execution threads run them: each command
 * locks only its own asset, so what it writes must not conflict with the writes of a command on
 * another asset. Saving the whole aggregate rewrote every storage device row of the asset on each
 * status change or custody entry, whose index locks reach the rows of the assets next to it. Same
 * context as {@link InventoryServiceTests}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AssetWriteConcurrencyTests {

  static final int THREADS = 4;
  static final int ASSETS = 32;
  static final int DRIVES = 4;
  static final int ROUNDS = 6;

  @Autowired InventoryService inventory;
  @Autowired InspectionService inspections;
  @Autowired AssetRepository assets;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate tx;

  String register(String prefix) {
    String number = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    inventory.register(
        number,
        new Asset.Description(
            "SN-" + number,
            "PC-" + number,
            AssetCategory.LAPTOP,
            "Lenovo",
            "ThinkPad T480",
            "Hôpital Charles-Nicolle",
            "Hôpital Charles-Nicolle > Pneumologie",
            "Pneumologie",
            LocalDate.of(2019, 3, 4),
            98_000L),
        AssetStatus.IN_SERVICE,
        "gestionnaire",
        "test",
        "register-" + number);
    for (int d = 0; d < DRIVES; d++) {
      inventory.recordStorageDevice(
          new RecordStorageDevice(
              number,
              new StorageDevice(drive(number, d), StorageType.SSD, 256_060_514_304L, "SATA", null),
              "technicien",
              "drive-" + number + "-" + d));
    }
    return number;
  }

  static String drive(String number, int d) {
    return "D" + d + "-" + number;
  }

  /** A drive recorded at a round, after the asset's others in the order of serial numbers. */
  static String extra(String number, int round) {
    return "X" + round + "-" + number;
  }

  List<Map<String, Object>> storageRows(long assetId) {
    return jdbc.queryForList(
        "SELECT serial_number, type, capacity_bytes, interface, model FROM asset_storage_device"
            + " WHERE asset_id = ? ORDER BY serial_number",
        assetId);
  }

  /** Rows deleted so far by this connection's session (MariaDB's own counter). */
  long rowsDeletedBySession() {
    return jdbc.queryForObject(
        "SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS"
            + " WHERE VARIABLE_NAME = 'HANDLER_DELETE'",
        Long.class);
  }

  /** The inspection of an asset finding its known drives and a new one. */
  RecordInspection inspection(String number, long assetId) {
    List<FoundDevice> devices = new ArrayList<>();
    for (int d = 0; d < DRIVES; d++) {
      devices.add(new FoundDevice(drive(number, d), StorageType.SSD, null));
    }
    devices.add(new FoundDevice(drive(number, DRIVES), StorageType.NVME, 512_110_190_592L));
    return new RecordInspection(
        assetId,
        "B",
        true,
        87,
        true,
        true,
        true,
        true,
        LocalDate.of(2026, 12, 1),
        "Magasin central",
        null,
        devices,
        "technicien",
        "inspection-" + number);
  }

  static void concurrently(List<Callable<Void>> tasks) throws Exception {
    Concurrently.run(THREADS, tasks);
  }

  @Test
  void shouldChangeTheStatusAndInspectAssetsOfInterleavedIdsConcurrently() throws Exception {
    // given: 32 assets of 4 drives each, registered one after the other (consecutive ids)
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < ASSETS; i++) {
      numbers.add(register("CC"));
    }
    List<Long> ids = numbers.stream().map(n -> inventory.get(n).id()).toList();

    // when: 4 threads, thread t taking assets t, t+4, t+8... (so that neighbours in the index of
    // asset ids are always written by other threads), move each asset in and out of stock, note a
    // handover, record a new drive (whose serial sorts after the asset's others: its row goes next
    // to the next asset's rows) and once record its inspection with a new drive
    List<Callable<Void>> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int first = t;
      threads.add(
          () -> {
            for (int round = 0; round < ROUNDS; round++) {
              for (int i = first; i < ASSETS; i += THREADS) {
                String number = numbers.get(i);
                AssetStatus target = round % 2 == 0 ? AssetStatus.IN_STOCK : AssetStatus.IN_SERVICE;
                inventory.changeStatus(
                    new ChangeStatus(
                        number, target, "worker:test", null, null, "status-" + number + round));
                inventory.appendCustody(
                    new AppendCustody(
                        number,
                        CustodyAction.HANDOVER,
                        "worker:test",
                        "Remis à l'atelier",
                        null,
                        "handover-" + number + round));
                inventory.recordStorageDevice(
                    new RecordStorageDevice(
                        number,
                        new StorageDevice(extra(number, round), StorageType.HDD, null, null, null),
                        "worker:test",
                        "extra-" + number + round));
                if (round == 1) {
                  inspections.record(inspection(number, ids.get(i)));
                }
              }
            }
            return null;
          });
    }
    concurrently(threads);

    // then: every change is there once, on an intact chain, with every drive
    for (int i = 0; i < ASSETS; i++) {
      Asset asset = inventory.get(numbers.get(i));
      assertThat(asset.status()).isEqualTo(AssetStatus.IN_SERVICE);
      // registered, 4 drives, per round a status change, a handover and a drive, the inspection's
      // 5 drives and its note
      assertThat(asset.custodyLength()).isEqualTo(1 + DRIVES + 3 * ROUNDS + DRIVES + 1 + 1);
      assertThat(inventory.verifyCustody(asset.id()).valid()).isTrue();
      List<String> serials = new ArrayList<>();
      for (int d = 0; d <= DRIVES; d++) {
        serials.add(drive(numbers.get(i), d));
      }
      for (int round = 0; round < ROUNDS; round++) {
        serials.add(extra(numbers.get(i), round));
      }
      assertThat(asset.storageDevices())
          .extracting(StorageDevice::serialNumber)
          .containsExactlyInAnyOrderElementsOf(serials);
      assertThat(storageRows(asset.id())).hasSize(DRIVES + 1 + ROUNDS);
    }
  }

  /** Moves the asset in or out of stock and records a new drive, sorting after its others. */
  void write(String number, int round) {
    AssetStatus target = round % 2 == 0 ? AssetStatus.IN_STOCK : AssetStatus.IN_SERVICE;
    inventory.changeStatus(
        new ChangeStatus(number, target, "worker:test", null, null, "status-" + number + round));
    inventory.recordStorageDevice(
        new RecordStorageDevice(
            number,
            new StorageDevice(extra(number, round), StorageType.HDD, null, null, null),
            "worker:test",
            "extra-" + number + round));
  }

  @Test
  void shouldWriteAssetsOfInterleavedIdsInCrossedOrderFromConcurrentTransactions()
      throws Exception {
    writeInCrossedOrder(tx);
  }

  /**
   * The same under REPEATABLE READ, MariaDB's default and the isolation of the campaign benchmark
   * of 2026-11-29 whose {@code inventory.record-inspection} jobs deadlocked on {@code
   * asset_storage_device} inserts: there the deletes and re-inserts of a whole aggregate's rows
   * take gap locks reaching the neighbouring assets' rows. The application runs READ COMMITTED
   * since, but a transaction may still ask for REPEATABLE READ.
   */
  @Test
  void shouldWriteAssetsOfInterleavedIdsInCrossedOrderUnderRepeatableRead() throws Exception {
    TransactionTemplate repeatableRead = new TransactionTemplate(tx.getTransactionManager());
    repeatableRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    writeInCrossedOrder(repeatableRead);
  }

  void writeInCrossedOrder(TransactionTemplate transaction) throws Exception {
    // given: 32 assets of 4 drives each, registered one after the other (consecutive ids), in
    // groups of four a0 a1 a2 a3
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < ASSETS; i++) {
      numbers.add(register("CX"));
    }

    // when: the inventory's commands join the caller's transaction, as in a step writing several
    // assets; of two threads sharing a group, one writes a3 then a0 in one transaction, the other
    // a1 then a2 (each then holds the first asset's rows while writing the second, whose new drive
    // goes just before the rows of the asset the other thread holds); threads 0 and 1 share the
    // even groups, 2 and 3 the odd ones
    List<Callable<Void>> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int[] order = t % 2 == 0 ? new int[] {3, 0} : new int[] {1, 2};
      int firstGroup = t / 2;
      threads.add(
          () -> {
            for (int round = 0; round < ROUNDS; round++) {
              for (int group = firstGroup; group < ASSETS / 4; group += 2) {
                int base = 4 * group;
                int r = round;
                transaction.executeWithoutResult(
                    status -> {
                      for (int offset : order) {
                        write(numbers.get(base + offset), r);
                      }
                    });
              }
            }
            return null;
          });
    }
    concurrently(threads);

    // then: every change is there once, on an intact chain, with every drive
    for (String number : numbers) {
      Asset asset = inventory.get(number);
      assertThat(asset.status()).isEqualTo(AssetStatus.IN_SERVICE);
      // registered, 4 drives, per round a status change and a drive
      assertThat(asset.custodyLength()).isEqualTo(1 + DRIVES + 2 * ROUNDS);
      assertThat(inventory.verifyCustody(asset.id()).valid()).isTrue();
      assertThat(storageRows(asset.id())).hasSize(DRIVES + ROUNDS);
    }
  }

  @Test
  void shouldDeleteNoStorageDeviceRowOnAStatusChangeOrACustodyEntry() {
    // given
    String number = register("RO");
    long id = inventory.get(number).id();
    List<Map<String, Object>> before = storageRows(id);

    // when: a status change and a custody entry, on one connection to read its counter
    long deleted =
        tx.execute(
            status -> {
              long start = rowsDeletedBySession();
              inventory.changeStatus(
                  new ChangeStatus(
                      number, AssetStatus.DECOMMISSIONING, "w", null, null, "ro-status"));
              inventory.appendCustody(
                  new AppendCustody(number, CustodyAction.NOTE, "w", "note", null, "ro-note"));
              return rowsDeletedBySession() - start;
            });

    // then
    assertThat(deleted).isZero();
    assertThat(storageRows(id)).isEqualTo(before);
    Asset asset = inventory.get(number);
    assertThat(asset.status()).isEqualTo(AssetStatus.DECOMMISSIONING);
    assertThat(asset.custodyLength()).isEqualTo(1 + DRIVES + 2);
    assertThat(inventory.verifyCustody(id).valid()).isTrue();
  }

  @Test
  void shouldReplaceOnlyTheRecordedStorageDevice() {
    // given
    String number = register("SD");
    long id = inventory.get(number).id();

    // when: a known drive recorded again (other capacity, serial in lower case) and a new one
    long deleted =
        tx.execute(
            status -> {
              long start = rowsDeletedBySession();
              inventory.recordStorageDevice(
                  new RecordStorageDevice(
                      number,
                      new StorageDevice(
                          drive(number, 1).toLowerCase(), StorageType.HDD, 1_000L, null, "X"),
                      "technicien",
                      "sd-replace"));
              inventory.recordStorageDevice(
                  new RecordStorageDevice(
                      number,
                      new StorageDevice("NEW-" + number, StorageType.EMMC, null, null, null),
                      "technicien",
                      "sd-new"));
              return rowsDeletedBySession() - start;
            });

    // then: the other drives' rows untouched, the known one replaced, the new one added
    assertThat(deleted).isZero();
    Asset asset = inventory.get(number);
    assertThat(asset.storageDevices())
        .containsExactlyInAnyOrder(
            new StorageDevice(drive(number, 0), StorageType.SSD, 256_060_514_304L, "SATA", null),
            new StorageDevice(drive(number, 1).toLowerCase(), StorageType.HDD, 1_000L, null, "X"),
            new StorageDevice(drive(number, 2), StorageType.SSD, 256_060_514_304L, "SATA", null),
            new StorageDevice(drive(number, 3), StorageType.SSD, 256_060_514_304L, "SATA", null),
            new StorageDevice("NEW-" + number, StorageType.EMMC, null, null, null));
    assertThat(storageRows(id)).hasSize(DRIVES + 1);
    assertThat(inventory.verifyCustody(id).valid()).isTrue();
  }

  @Test
  void shouldLetTheAssetReturnedByACommandBeSavedAgain() {
    // given
    String number = register("VS");

    // when: the copy a command returns is saved whole, as a caller holding it could
    Outcome moved =
        inventory.changeStatus(
            new ChangeStatus(number, AssetStatus.IN_STOCK, "w", null, null, "vs-status"));
    Asset saved = assets.save(moved.asset());

    // then: its version was the row's (no optimistic locking failure), and nothing was lost
    Asset reloaded = inventory.get(number);
    assertThat(saved.status()).isEqualTo(AssetStatus.IN_STOCK);
    assertThat(reloaded.status()).isEqualTo(AssetStatus.IN_STOCK);
    assertThat(reloaded.custodyLength()).isEqualTo(moved.entry().seq());
    assertThat(reloaded.storageDevices()).hasSize(DRIVES);
  }
}
