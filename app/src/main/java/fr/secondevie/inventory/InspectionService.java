package fr.secondevie.inventory;

import fr.secondevie.inventory.InventoryCommands.AppendCustody;
import fr.secondevie.inventory.InventoryCommands.RecordStorageDevice;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the inspection of a collected asset: the inspection itself, each storage device found (by
 * serial number) and one custody entry summing up the condition and the ANSSI checklist, all in one
 * transaction and idempotent by the operation id.
 */
@NamedInterface("api")
@Service
@Transactional
public class InspectionService {

  private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final InventoryService inventory;
  private final InspectionRepository inspections;
  private final Clock clock;

  InspectionService(InventoryService inventory, InspectionRepository inspections, Clock clock) {
    this.inventory = inventory;
    this.inspections = inspections;
    this.clock = clock;
  }

  /**
   * A storage device found at the inspection.
   *
   * @param capacityBytes null when unknown
   */
  public record FoundDevice(String serialNumber, StorageType type, Long capacityBytes) {}

  /** What the technician recorded (form {@code collect-asset}). */
  public record RecordInspection(
      long assetId,
      String conditionGrade,
      boolean functional,
      Integer batteryHealthPercent,
      boolean tpmCleared,
      boolean uefiReset,
      boolean labelsRemoved,
      boolean removableMediaRemoved,
      LocalDate collectedOn,
      String collectionLocation,
      String notes,
      List<FoundDevice> devices,
      String actor,
      String operationId,
      StorageAttestation attestation) {

    /** An inspection without attestation (an asset with its storage devices, or a monitor…). */
    public RecordInspection(
        long assetId,
        String conditionGrade,
        boolean functional,
        Integer batteryHealthPercent,
        boolean tpmCleared,
        boolean uefiReset,
        boolean labelsRemoved,
        boolean removableMediaRemoved,
        LocalDate collectedOn,
        String collectionLocation,
        String notes,
        List<FoundDevice> devices,
        String actor,
        String operationId) {
      this(
          assetId,
          conditionGrade,
          functional,
          batteryHealthPercent,
          tpmCleared,
          uefiReset,
          labelsRemoved,
          removableMediaRemoved,
          collectedOn,
          collectionLocation,
          notes,
          devices,
          actor,
          operationId,
          null);
    }
  }

  /**
   * Records an inspection; the same operation id again returns the first one and changes nothing.
   *
   * <p>An asset of a category that carries storage ({@link AssetCategory#carriesStorage}) found
   * with no storage device needs the technician's {@link StorageAttestation}: without it the
   * inspection is refused and nothing is written. With devices found, an attestation is not kept
   * (the devices are wiped or destroyed with their own proofs).
   *
   * @throws IllegalArgumentException unknown asset, grade other than A–D, battery outside 0–100, a
   *     device without serial number or twice the same serial, no device and no attestation for a
   *     category that carries storage
   */
  public Inspection record(RecordInspection command) {
    Objects.requireNonNull(command.operationId(), "operationId");
    Optional<Inspection> done = inspections.findByOperationId(command.operationId());
    if (done.isPresent()) {
      return done.get();
    }
    validate(command);
    Asset asset =
        inventory
            .findById(command.assetId())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Aucun équipement n° " + command.assetId() + " dans l'inventaire"));
    StorageAttestation attestation = attestationNeeded(asset, command);
    for (FoundDevice found : command.devices()) {
      StorageDevice known =
          asset.storageDevices().stream()
              .filter(d -> d.serialNumber().equalsIgnoreCase(found.serialNumber().strip()))
              .findFirst()
              .orElse(null);
      StorageDevice device =
          new StorageDevice(
              found.serialNumber(),
              found.type(),
              found.capacityBytes() != null
                  ? found.capacityBytes()
                  : known == null ? null : known.capacityBytes(),
              known == null ? null : known.interfaceName(),
              known == null ? null : known.model());
      inventory.recordStorageDevice(
          new RecordStorageDevice(
              asset.inventoryNumber(),
              device,
              command.actor(),
              command.operationId() + ":storage:" + device.serialNumber()));
    }
    inventory.appendCustody(
        new AppendCustody(
            asset.inventoryNumber(),
            CustodyAction.NOTE,
            command.actor(),
            summary(command, attestation),
            null,
            command.operationId() + ":inspection"));
    return inspections.save(
        new Inspection(
            null,
            asset.id(),
            command.operationId(),
            command.conditionGrade(),
            command.functional(),
            command.batteryHealthPercent(),
            command.tpmCleared(),
            command.uefiReset(),
            command.labelsRemoved(),
            command.removableMediaRemoved(),
            command.collectedOn(),
            command.collectionLocation(),
            command.notes(),
            command.devices().size(),
            command.actor(),
            clock.instant().truncatedTo(ChronoUnit.MICROS),
            attestation == null ? null : attestation.kind(),
            attestation == null ? null : attestation.reference(),
            attestation == null ? null : attestation.verifiedBy()));
  }

  /**
   * The attestation to keep: the command's when no device was found (required for a category that
   * carries storage), none when devices were found.
   */
  private static StorageAttestation attestationNeeded(Asset asset, RecordInspection command) {
    if (!command.devices().isEmpty() || !asset.storageDevices().isEmpty()) {
      return null;
    }
    if (command.attestation() == null && asset.category().carriesStorage()) {
      throw new IllegalArgumentException(
          ("L'équipement %s (%s) est collecté sans support de stockage : attestez que son support"
                  + " a été retiré et détruit ailleurs (référence de la preuve de destruction) ou"
                  + " que son absence a été vérifiée (par qui), ou relevez ses supports")
              .formatted(asset.inventoryNumber(), asset.category().label()));
    }
    return command.attestation();
  }

  /** The asset's latest inspection, if it was inspected. */
  @Transactional(readOnly = true)
  public Optional<Inspection> latest(long assetId) {
    return inspections.findLatest(assetId);
  }

  private static void validate(RecordInspection c) {
    if (c.conditionGrade() == null || !c.conditionGrade().matches("[ABCD]")) {
      throw new IllegalArgumentException(
          "Expected a condition grade A, B, C or D but got " + c.conditionGrade());
    }
    Integer battery = c.batteryHealthPercent();
    if (battery != null && (battery < 0 || battery > 100)) {
      throw new IllegalArgumentException(
          "Expected a battery health between 0 and 100 % but got " + battery);
    }
    Set<String> serials = new HashSet<>();
    for (FoundDevice d : c.devices()) {
      if (d.serialNumber() == null || d.serialNumber().isBlank() || d.type() == null) {
        throw new IllegalArgumentException(
            "Expected every storage device with its serial number and type but got " + d);
      }
      if (!serials.add(d.serialNumber().strip().toUpperCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "Expected distinct storage devices but serial " + d.serialNumber() + " is twice");
      }
    }
  }

  private static String summary(RecordInspection c, StorageAttestation attestation) {
    StringBuilder s =
        new StringBuilder("Inspection : état ")
            .append(c.conditionGrade())
            .append(c.functional() ? ", fonctionne" : ", ne fonctionne pas");
    if (c.batteryHealthPercent() != null) {
      s.append(", batterie ").append(c.batteryHealthPercent()).append(" %");
    }
    s.append(", ")
        .append(c.devices().size())
        .append(" support(s) de stockage. Préparation ANSSI : TPM effacée ")
        .append(mark(c.tpmCleared()))
        .append(", UEFI réinitialisé ")
        .append(mark(c.uefiReset()))
        .append(", étiquettes retirées ")
        .append(mark(c.labelsRemoved()))
        .append(", supports amovibles retirés ")
        .append(mark(c.removableMediaRemoved()))
        .append('.');
    if (attestation != null) {
      s.append(" Aucun support de stockage : ").append(attestation.describe()).append('.');
    }
    if (c.collectedOn() != null) {
      s.append(" Collecté le ").append(FRENCH_DATE.format(c.collectedOn()));
    }
    if (c.collectionLocation() != null && !c.collectionLocation().isBlank()) {
      s.append(c.collectedOn() == null ? " Entreposé" : ", entreposé")
          .append(" : ")
          .append(c.collectionLocation().strip());
    }
    return s.toString();
  }

  private static String mark(boolean done) {
    return done ? "oui" : "NON";
  }
}
