package fr.secondevie.sanitization;

import fr.secondevie.common.InputError;
import fr.secondevie.common.InvalidInputException;
import fr.secondevie.common.Sha256;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.Inspection;
import fr.secondevie.inventory.InspectionService;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.inventory.StorageDevice;
import fr.secondevie.sanitization.WipeReport.Source;
import fr.secondevie.sanitization.WipeReportContent.ReportedDrive;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What a wipe report must pass before anything of it is stored: the asset named and still in the
 * hospital's hands, the drives known by serial number and cited once, a date neither in the future
 * nor before the collection, no second set of certificates, the size and the parameters. Each check
 * adds what it finds to the list it is given, so that one answer names every problem.
 */
@Component
class WipeReportChecks {

  /** What a refused report is called: the title of the API's problem details. */
  static final String REFUSED = "Rapport d'effacement refusé";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final InventoryService inventory;
  private final InspectionService inspections;
  private final CertificateRepository certificates;
  private final WipeReportRepository reports;
  private final Clock clock;

  WipeReportChecks(
      InventoryService inventory,
      InspectionService inspections,
      CertificateRepository certificates,
      WipeReportRepository reports,
      Clock clock) {
    this.inventory = inventory;
    this.inspections = inspections;
    this.certificates = certificates;
    this.reports = reports;
    this.clock = clock;
  }

  /** The asset named by id or inventory number, still in the hospital's hands; else errors. */
  Asset assetStillHere(Long assetId, String inventoryNumber, List<InputError> errors) {
    return stillHere(
        asset(assetId, inventoryNumber, "assetId", "inventoryNumber", errors),
        assetId != null ? "assetId" : "inventoryNumber",
        errors);
  }

  static void prefix(List<InputError> found, String prefix, List<InputError> errors) {
    for (InputError e : found) {
      errors.add(
          new InputError(
              e.field() == null ? prefix.substring(0, prefix.length() - 1) : prefix + e.field(),
              e.line(),
              e.value(),
              e.message()));
    }
  }

  /** A command's output as text; empty when absent (the readers name what is missing). */
  static String text(byte[] body, String field, List<InputError> errors) {
    if (body == null || body.length == 0) {
      return "";
    }
    if (body.length > WipeReportIntake.MAX_BYTES) {
      errors.add(InputError.of(field, "%d octets au plus.".formatted(WipeReportIntake.MAX_BYTES)));
      return "";
    }
    List<InputError> found = new ArrayList<>();
    String text = utf8(body, found);
    if (text == null) {
      errors.add(InputError.of(field, "Texte UTF-8 (ou ASCII) attendu."));
      return "";
    }
    return text;
  }

  Asset asset(
      Long assetId,
      String inventoryNumber,
      String idField,
      String numberField,
      List<InputError> errors) {
    Asset byId = null;
    if (assetId != null) {
      byId = inventory.findById(assetId).orElse(null);
      if (byId == null) {
        errors.add(InputError.of(idField, assetId, "Aucun équipement n'a cet identifiant."));
        return null;
      }
    }
    if (inventoryNumber != null && !inventoryNumber.isBlank()) {
      Asset byNumber = inventory.findByInventoryNumber(inventoryNumber.strip()).orElse(null);
      if (byNumber == null) {
        errors.add(
            InputError.of(
                numberField, inventoryNumber, "Aucun équipement n'a ce numéro d'inventaire."));
        return null;
      }
      if (byId != null && !byId.id().equals(byNumber.id())) {
        errors.add(
            InputError.of(
                numberField,
                inventoryNumber,
                "Ce numéro d'inventaire est celui de l'équipement n° %d, pas du n° %d."
                    .formatted(byNumber.id(), assetId)));
        return null;
      }
      return byNumber;
    }
    if (byId == null && errors.stream().noneMatch(e -> idField.equals(e.field()))) {
      errors.add(
          InputError.of(idField, "L'équipement est à désigner par assetId ou inventoryNumber."));
    }
    return byId;
  }

  /** A report for an asset that has left the hospital (donated, recycled) is a mistake. */
  static Asset stillHere(Asset asset, String field, List<InputError> errors) {
    if (asset != null && asset.status().isFinal()) {
      errors.add(
          InputError.of(
              field,
              asset.inventoryNumber(),
              "L'équipement %s a quitté l'établissement (« %s ») : aucun effacement ne peut plus lui être rattaché."
                  .formatted(asset.inventoryNumber(), asset.status().label())));
      return null;
    }
    return asset;
  }

  void checkDrives(
      Asset asset, WipeReportContent content, List<InputError> errors, Map<String, Integer> lines) {
    Map<String, StorageDevice> known = new HashMap<>();
    asset.storageDevices().forEach(d -> known.put(ReportCheck.key(d.serialNumber()), d));
    Map<String, Integer> seen = new HashMap<>();
    List<ReportedDrive> drives = content.drives();
    for (int i = 0; i < drives.size(); i++) {
      ReportedDrive d = drives.get(i);
      if (d.serialNumber() == null) {
        continue;
      }
      String key = ReportCheck.key(d.serialNumber());
      String field = lines == null ? "drives[" + i + "].serialNumber" : null;
      Integer line = lines == null ? null : lines.get(key);
      if (seen.containsKey(key)) {
        errors.add(
            new InputError(
                field,
                line,
                d.serialNumber(),
                "Support cité deux fois dans le rapport (déjà en position %d)."
                    .formatted(seen.get(key) + 1)));
        continue;
      }
      seen.put(key, i);
      if (!known.containsKey(key)) {
        errors.add(
            new InputError(
                field,
                line,
                d.serialNumber(),
                "L'équipement %s n'a pas de support de ce numéro de série (supports relevés à l'inspection : %s)."
                    .formatted(
                        asset.inventoryNumber(),
                        known.isEmpty()
                            ? "aucun"
                            : String.join(
                                ", ",
                                known.values().stream()
                                    .map(StorageDevice::serialNumber)
                                    .sorted()
                                    .toList()))));
      }
    }
  }

  /**
   * Refuses a report dated after now (plus {@link WipeReportIntake#CLOCK_SKEW}).
   *
   * @return the instant of the wipe, or null when the report gives none
   */
  Instant checkPerformedOn(
      String performedOn, String field, Integer line, List<InputError> errors) {
    if (performedOn == null) {
      return null;
    }
    Instant at;
    try {
      at = OffsetDateTime.parse(performedOn).toInstant();
    } catch (DateTimeParseException e) {
      try {
        at = LocalDateTime.parse(performedOn).atZone(WipeReportIntake.STATION_ZONE).toInstant();
      } catch (DateTimeParseException e2) {
        at = LocalDate.parse(performedOn).atStartOfDay(WipeReportIntake.STATION_ZONE).toInstant();
      }
    }
    if (at.isAfter(clock.instant().plus(WipeReportIntake.CLOCK_SKEW))) {
      errors.add(
          new InputError(
              field,
              line,
              performedOn,
              "La date de l'effacement est dans le futur (%d minutes d'avance tolérées pour l'horloge du poste)."
                  .formatted(WipeReportIntake.CLOCK_SKEW.toMinutes())));
    }
    return at;
  }

  /** Refuses a wipe dated (in Paris) before the day the asset was collected. */
  void checkCollection(
      Asset asset,
      String performedOn,
      Instant performedAt,
      String field,
      Integer line,
      List<InputError> errors) {
    if (performedAt == null) {
      return;
    }
    Optional<Inspection> inspection = inspections.latest(asset.id());
    if (inspection.isEmpty() || inspection.get().collectedOn() == null) {
      return;
    }
    LocalDate wiped = performedAt.atZone(WipeReportIntake.STATION_ZONE).toLocalDate();
    LocalDate collected = inspection.get().collectedOn();
    if (wiped.isBefore(collected)) {
      errors.add(
          new InputError(
              field,
              line,
              performedOn,
              "L'effacement (le %s) est antérieur à la collecte de l'équipement %s (le %s) : ce rapport ne peut pas concerner ses supports."
                  .formatted(DAY.format(wiped), asset.inventoryNumber(), DAY.format(collected))));
    }
  }

  /**
   * Refuses a new report for an asset whose every drive already has a passing certificate: it would
   * issue a second set of certificates. The same report sent again is still recognised (and changes
   * nothing).
   */
  void checkNotCertified(
      Asset asset, Source source, byte[] body, String field, List<InputError> errors) {
    if (asset.storageDevices().isEmpty()
        || reports.findSame(asset.id(), source.name(), Sha256.hex(body)).isPresent()) {
      return;
    }
    Set<String> certified =
        certificates.findByAssetId(asset.id()).stream()
            .map(c -> ReportCheck.key(c.serialNumber()))
            .collect(Collectors.toSet());
    boolean allCertified =
        asset.storageDevices().stream()
            .allMatch(d -> certified.contains(ReportCheck.key(d.serialNumber())));
    if (allCertified) {
      errors.add(
          InputError.of(
              field,
              asset.inventoryNumber(),
              "Chaque support de l'équipement %s a déjà un certificat d'effacement conforme : un nouveau rapport n'est pas accepté (consultez ses certificats sur sa fiche)."
                  .formatted(asset.inventoryNumber())));
    }
  }

  static void checkSize(byte[] body, List<InputError> errors) {
    if (body == null || body.length == 0) {
      errors.add(new InputError(null, null, null, "Le rapport est vide."));
    } else if (body.length > WipeReportIntake.MAX_BYTES) {
      errors.add(
          new InputError(
              null,
              null,
              null,
              "Le rapport pèse %d octets ; %d au plus."
                  .formatted(body.length, WipeReportIntake.MAX_BYTES)));
    }
  }

  static String param(
      String value, String name, int max, boolean required, List<InputError> errors) {
    if (value == null || value.isBlank()) {
      if (required) {
        errors.add(InputError.of(name, "Paramètre obligatoire manquant."));
      }
      return null;
    }
    if (value.strip().length() > max) {
      errors.add(InputError.of(name, value, "%d caractères au plus.".formatted(max)));
      return null;
    }
    return value.strip();
  }

  static String utf8(byte[] body, List<InputError> errors) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      errors.add(
          new InputError(null, null, null, "Le journal n'est pas un texte UTF-8 (ou ASCII)."));
      return null;
    }
  }

  static void reject(List<InputError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(REFUSED, errors);
    }
  }
}
