package fr.secondevie.sanitization;

import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.NewDocument;
import fr.secondevie.documents.PdfRenderer;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.InventoryCommands.AppendCustody;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.inventory.StorageDevice;
import fr.secondevie.inventory.StorageType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the physical destruction of the media whose wipe failed. The proof must be complete for
 * every failed drive — method, a DIN 66399 level of the medium's material class and at least the
 * level its data require, date, provider, the provider's certificate — or nothing is stored and the
 * problems are returned (the worker raises {@code DESTRUCTION_PROOF_INCOMPLETE}).
 */
@Service
@Transactional
class DestructionService {

  private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final InventoryService inventory;
  private final DestructionRepository destructions;
  private final DocumentService documents;
  private final PdfRenderer pdf;
  private final HealthDataPolicy healthData;
  private final Clock clock;

  DestructionService(
      InventoryService inventory,
      DestructionRepository destructions,
      DocumentService documents,
      PdfRenderer pdf,
      HealthDataPolicy healthData,
      Clock clock) {
    this.inventory = inventory;
    this.destructions = destructions;
    this.documents = documents;
    this.pdf = pdf;
    this.healthData = healthData;
    this.clock = clock;
  }

  /** One destroyed medium as typed in form {@code destroy-media}. */
  public record DestroyedMedium(String serialNumber, String destructionMethod, String dinLevel) {}

  /** Variable {@code mediaDestruction}. */
  public record Proof(
      String destroyedOn,
      String provider,
      String certificateRef,
      String witness,
      List<DestroyedMedium> media) {

    public Proof {
      media = media == null ? List.of() : media;
    }
  }

  /** The records stored, or the reasons the proof is incomplete (then nothing is stored). */
  public record Outcome(List<MediaDestruction> destructions, List<String> problems) {

    public boolean complete() {
      return problems.isEmpty();
    }
  }

  public Outcome record(
      long assetId, List<String> failedDrives, Proof proof, String actor, String operationId) {
    Asset asset =
        inventory
            .findById(assetId)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Aucun équipement n° " + assetId + " dans l'inventaire"));
    boolean health = healthData.mayHoldHealthData(asset);
    List<String> problems = new ArrayList<>();
    LocalDate destroyedOn = check(proof, problems);
    Map<String, DestroyedMedium> bySerial = new LinkedHashMap<>();
    for (DestroyedMedium m : proof.media()) {
      if (m == null || blank(m.serialNumber())) {
        problems.add("Un support détruit n'a pas de numéro de série.");
        continue;
      }
      bySerial.putIfAbsent(ReportCheck.key(m.serialNumber()), m);
    }
    List<String> required = failedDrives == null ? List.of() : failedDrives;
    if (required.isEmpty() && bySerial.isEmpty()) {
      problems.add("Aucun support détruit n'est indiqué.");
    }
    for (String serial : required) {
      if (!bySerial.containsKey(ReportCheck.key(serial))) {
        problems.add("Le support %s n'a pas de preuve de destruction.".formatted(serial));
      }
    }
    for (DestroyedMedium m : bySerial.values()) {
      StorageType type = typeOf(asset, m.serialNumber());
      if (blank(m.destructionMethod())) {
        problems.add("Support %s : méthode de destruction manquante.".formatted(m.serialNumber()));
      }
      String din = m.dinLevel() == null ? "" : m.dinLevel().strip().toUpperCase();
      if (!din.matches("[PFOTHE]-[1-7]")) {
        problems.add(
            "Support %s : niveau DIN 66399 manquant ou illisible (« %s »)."
                .formatted(m.serialNumber(), m.dinLevel() == null ? "" : m.dinLevel()));
        continue;
      }
      Set<Character> materials = MediaPolicy.dinMaterials(type);
      if (!materials.contains(din.charAt(0))) {
        problems.add(
            "Support %s (%s) : le niveau %s n'est pas de sa classe de matériau (%s)."
                .formatted(
                    m.serialNumber(),
                    type.label(),
                    din,
                    materials.stream()
                        .map(String::valueOf)
                        .sorted()
                        .collect(Collectors.joining(", "))));
      }
      int minimum = MediaPolicy.minimumDinLevel(health);
      if (din.charAt(2) - '0' < minimum) {
        problems.add(
            "Support %s : niveau %s insuffisant, %d au moins pour des %s (DIN 66399-2)."
                .formatted(
                    m.serialNumber(),
                    din,
                    minimum,
                    health ? "données de santé (classe de protection 3)" : "données personnelles"));
      }
    }
    if (!problems.isEmpty()) {
      return new Outcome(List.of(), problems);
    }
    return new Outcome(
        store(asset, health, destroyedOn, proof, bySerial, actor, operationId), List.of());
  }

  /** The destructions recorded for an asset. */
  @Transactional(readOnly = true)
  public List<MediaDestruction> destructionsOf(long assetId) {
    return destructions.findByAssetId(assetId);
  }

  private List<MediaDestruction> store(
      Asset asset,
      boolean health,
      LocalDate destroyedOn,
      Proof proof,
      Map<String, DestroyedMedium> media,
      String actor,
      String operationId) {
    String documentOperation = operationId + ":record";
    List<MediaDestruction> done = new ArrayList<>();
    for (String key : media.keySet()) {
      destructions.findByOperationId(operationId + ":" + key).ifPresent(done::add);
    }
    if (done.size() == media.size()) {
      return done;
    }
    List<MediaDestruction> pending = new ArrayList<>();
    for (Map.Entry<String, DestroyedMedium> e : media.entrySet()) {
      DestroyedMedium m = e.getValue();
      pending.add(
          new MediaDestruction(
              null,
              asset.id(),
              m.serialNumber().strip(),
              typeOf(asset, m.serialNumber()).name(),
              m.destructionMethod().strip(),
              m.dinLevel().strip().toUpperCase(),
              destroyedOn,
              proof.provider().strip(),
              proof.certificateRef().strip(),
              blank(proof.witness()) ? null : proof.witness().strip(),
              null,
              operationId + ":" + e.getKey(),
              actor,
              clock.instant().truncatedTo(ChronoUnit.MICROS)));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("inventoryNumber", asset.inventoryNumber());
    model.put("assetDescription", CertificateService.describe(asset));
    model.put("destroyedOn", FRENCH_DATE.format(destroyedOn));
    model.put("provider", proof.provider().strip());
    model.put("certificateRef", proof.certificateRef().strip());
    model.put("witness", blank(proof.witness()) ? null : proof.witness().strip());
    model.put("healthData", health);
    model.put("media", pending);
    model.put("recordedBy", actor);
    model.put(
        "recordedAt",
        FRENCH_DATE.format(clock.instant().atZone(CertificateService.PARIS).toLocalDate()));
    StoredDocument document =
        documents.store(
            NewDocument.pdf(
                DocumentKind.DESTRUCTION_CERTIFICATE,
                "pv-destruction-%s.pdf".formatted(asset.inventoryNumber()),
                pdf.render("media-destruction", model),
                "asset:" + asset.inventoryNumber(),
                actor));
    List<MediaDestruction> saved = new ArrayList<>();
    for (MediaDestruction d : pending) {
      saved.add(
          destructions.save(
              new MediaDestruction(
                  null,
                  d.assetId(),
                  d.serialNumber(),
                  d.mediaType(),
                  d.destructionMethod(),
                  d.dinLevel(),
                  d.destroyedOn(),
                  d.provider(),
                  d.certificateRef(),
                  d.witness(),
                  document.publicId(),
                  d.operationId(),
                  d.recordedBy(),
                  d.recordedAt())));
    }
    inventory.appendCustody(
        new AppendCustody(
            asset.inventoryNumber(),
            CustodyAction.EVIDENCE,
            actor,
            "Destruction physique de %d support(s) le %s par %s (certificat %s) : %s"
                .formatted(
                    saved.size(),
                    FRENCH_DATE.format(destroyedOn),
                    proof.provider().strip(),
                    proof.certificateRef().strip(),
                    saved.stream()
                        .map(
                            d ->
                                d.serialNumber() + " " + d.destructionMethod() + " " + d.dinLevel())
                        .collect(Collectors.joining(", "))),
            document.evidence(),
            documentOperation));
    return saved;
  }

  private LocalDate check(Proof proof, List<String> problems) {
    LocalDate date = null;
    if (blank(proof.destroyedOn())) {
      problems.add("La date de destruction manque.");
    } else {
      try {
        date =
            LocalDate.parse(
                proof
                    .destroyedOn()
                    .strip()
                    .substring(0, Math.min(10, proof.destroyedOn().strip().length())));
        if (date.isAfter(LocalDate.now(clock.withZone(CertificateService.PARIS)))) {
          problems.add(
              "La date de destruction %s est dans le futur.".formatted(proof.destroyedOn()));
        }
      } catch (DateTimeParseException e) {
        problems.add("La date de destruction « %s » est illisible.".formatted(proof.destroyedOn()));
      }
    }
    if (blank(proof.provider())) {
      problems.add("Le prestataire ou service ayant détruit les supports manque.");
    }
    if (blank(proof.certificateRef())) {
      problems.add("La référence du certificat de destruction manque.");
    }
    return date;
  }

  private static StorageType typeOf(Asset asset, String serial) {
    Optional<StorageDevice> device =
        asset.storageDevices().stream()
            .filter(d -> ReportCheck.key(d.serialNumber()).equals(ReportCheck.key(serial)))
            .findFirst();
    return device.map(StorageDevice::type).orElse(StorageType.OTHER);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
