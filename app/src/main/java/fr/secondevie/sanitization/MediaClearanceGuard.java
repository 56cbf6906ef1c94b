package fr.secondevie.sanitization;

import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.CustodyEntry;
import fr.secondevie.inventory.CustodyVerification;
import fr.secondevie.inventory.Inspection;
import fr.secondevie.inventory.InspectionService;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.inventory.StatusGuard;
import fr.secondevie.inventory.StorageDevice;
import fr.secondevie.sanitization.MediaNotClearedException.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The invariant of the end of life: an asset reaches {@code SANITIZED}, and any status after it
 * (routes, donation, reconditioning, recycling, and stock after reconditioning), only when its
 * storage is proven cleared. {@link fr.secondevie.inventory.InventoryService#changeStatus} asks it
 * before every move, inside the asset's lock; a refusal writes nothing.
 *
 * <ul>
 *   <li>Every storage device the inventory knows for the asset has a destruction proof, or a
 *       certificate that is still what was issued: its fingerprint matches its fields, the level it
 *       states reaches the required one, it is the one the custody entry written at its issue
 *       describes (support, levels, tool, report), and its PDF is the document that entry cites,
 *       with the bytes whose SHA-256 was recorded when it was stored.
 *   <li>An asset of a category that carries storage with no storage device at all needs the
 *       attestation of its collection (removed and destroyed elsewhere, or verified absent).
 *   <li>The asset's chain of custody verifies (the entries above are evidence only while it does).
 * </ul>
 */
@Component
class MediaClearanceGuard implements StatusGuard {

  /** Statuses that require cleared media, whatever the status the asset comes from. */
  static final Set<AssetStatus> REQUIRE_CLEARED_MEDIA =
      EnumSet.of(
          AssetStatus.SANITIZED,
          AssetStatus.AWAITING_ROUTE,
          AssetStatus.DONATION_PENDING,
          AssetStatus.RECONDITIONING,
          AssetStatus.RECYCLING_PENDING,
          AssetStatus.DONATED,
          AssetStatus.RECYCLED);

  private final JdbcClient jdbc;
  private final CertificateRepository certificates;
  private final DocumentService documents;
  private final InventoryService inventory;
  private final InspectionService inspections;

  MediaClearanceGuard(
      JdbcClient jdbc,
      CertificateRepository certificates,
      DocumentService documents,
      InventoryService inventory,
      InspectionService inspections) {
    this.jdbc = jdbc;
    this.certificates = certificates;
    this.documents = documents;
    this.inventory = inventory;
    this.inspections = inspections;
  }

  @Override
  public void check(Asset asset, AssetStatus target) {
    boolean leaving =
        REQUIRE_CLEARED_MEDIA.contains(target)
            || (target == AssetStatus.IN_STOCK && asset.status() == AssetStatus.RECONDITIONING);
    if (!leaving) {
      return;
    }
    List<Problem> problems = new ArrayList<>();
    CustodyVerification custody = inventory.verifyCustody(asset.id());
    if (!custody.valid()) {
      problems.add(
          new Problem(
              null,
              "sa chaîne de traçabilité est rompue à l'entrée n° %d (%s)"
                  .formatted(custody.firstBrokenSeq(), custody.problem())));
    }
    if (asset.storageDevices().isEmpty()) {
      if (asset.category().carriesStorage()
          && inspections.latest(asset.id()).flatMap(Inspection::attestation).isEmpty()) {
        problems.add(
            new Problem(
                null,
                ("aucun support de stockage relevé sur cet équipement (%s) et aucune attestation"
                        + " de collecte (support retiré et détruit ailleurs, ou absence vérifiée)")
                    .formatted(asset.category().label())));
      }
    } else {
      problems.addAll(unclearedMedia(asset));
    }
    if (!problems.isEmpty()) {
      throw new MediaNotClearedException(asset.inventoryNumber(), target, problems);
    }
  }

  /** The asset's media with neither a destruction proof nor a certificate that still holds. */
  List<Problem> unclearedMedia(Asset asset) {
    Set<String> destroyed = new HashSet<>();
    jdbc.sql("SELECT serial_number FROM media_destruction WHERE asset_id = :id")
        .param("id", asset.id())
        .query(String.class)
        .list()
        .forEach(serial -> destroyed.add(ReportCheck.key(serial)));
    Map<String, List<SanitizationCertificate>> bySerial = new LinkedHashMap<>();
    for (SanitizationCertificate c : certificates.findByAssetId(asset.id())) {
      bySerial.computeIfAbsent(ReportCheck.key(c.serialNumber()), k -> new ArrayList<>()).add(c);
    }
    List<CustodyEntry> chain = bySerial.isEmpty() ? List.of() : inventory.custodyOf(asset.id());
    List<Problem> problems = new ArrayList<>();
    asset.storageDevices().stream()
        .map(StorageDevice::serialNumber)
        .sorted(Comparator.naturalOrder())
        .forEach(
            serial -> {
              String key = ReportCheck.key(serial);
              if (destroyed.contains(key)) {
                return;
              }
              List<SanitizationCertificate> issued = bySerial.getOrDefault(key, List.of());
              if (issued.isEmpty()) {
                problems.add(
                    new Problem(
                        serial,
                        "support %s sans certificat d'effacement ni preuve de destruction"
                            .formatted(serial)));
                return;
              }
              String firstDefect = null;
              for (SanitizationCertificate c : issued) {
                String defect = defect(asset, c, chain);
                if (defect == null) {
                  return;
                }
                firstDefect = firstDefect == null ? defect : firstDefect;
              }
              problems.add(new Problem(serial, firstDefect));
            });
    return problems;
  }

  /** Why a certificate no longer proves its drive cleared, or null when it still does. */
  private String defect(Asset asset, SanitizationCertificate c, List<CustodyEntry> chain) {
    String name = "le certificat %s du support %s".formatted(number(c), c.serialNumber());
    if (!c.intact()) {
      return name
          + " a été modifié après son émission (son empreinte ne correspond plus à son contenu)";
    }
    if (!asset.inventoryNumber().equals(c.inventoryNumber())) {
      return name + " a été établi pour l'équipement " + c.inventoryNumber();
    }
    if (!reaches(c)) {
      return name
          + " atteste le niveau %s pour %s requis".formatted(c.effectiveLevel(), c.requiredLevel());
    }
    Optional<CustodyEntry> recorded =
        chain.stream()
            .filter(e -> e.action() == CustodyAction.EVIDENCE)
            .filter(e -> c.operationId().equals(e.operationId()))
            .findFirst();
    if (recorded.isEmpty()) {
      return name + " n'est pas inscrit dans la chaîne de traçabilité";
    }
    if (!CertificateService.custodyDetails(c).equals(recorded.get().details())) {
      return name
          + " ne correspond plus à son inscription dans la chaîne de traçabilité (entrée n° %d)"
              .formatted(recorded.get().seq());
    }
    Optional<StoredDocument> document =
        c.documentPublicId() == null ? Optional.empty() : documents.find(c.documentPublicId());
    if (document.isEmpty()) {
      return name + " n'a plus son document PDF";
    }
    if (!document.get().evidence().equals(recorded.get().evidence())) {
      return name
          + " ne renvoie plus au document cité par la chaîne de traçabilité (entrée n° %d)"
              .formatted(recorded.get().seq());
    }
    if (!documents.isIntact(document.get())) {
      return name
          + " : son document PDF a été altéré (SHA-256 différent de celui enregistré à"
          + " l'émission)";
    }
    return null;
  }

  private static boolean reaches(SanitizationCertificate c) {
    try {
      return SanitizationLevel.valueOf(c.effectiveLevel())
          .satisfies(SanitizationLevel.valueOf(c.requiredLevel()));
    } catch (IllegalArgumentException | NullPointerException unreadable) {
      return false;
    }
  }

  private static String number(SanitizationCertificate c) {
    return c.id() == null ? "(sans numéro)" : c.number();
  }
}
