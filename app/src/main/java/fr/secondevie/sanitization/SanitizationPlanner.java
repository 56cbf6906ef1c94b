package fr.secondevie.sanitization;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.Inspection;
import fr.secondevie.inventory.InspectionService;
import fr.secondevie.inventory.InventoryCommands.AppendCustody;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.inventory.StorageDevice;
import fr.secondevie.sanitization.SanitizationPlan.PlannedDrive;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans the sanitization of an asset: every storage device the inventory knows for it (those found
 * at the inspection were recorded just before) plus any other reported by the process, each with
 * its required level. A drive the inventory knows cannot leave the plan by omission, and storage is
 * never assumed absent: a computer, server, array, printer or phone with no drive is planned only
 * with the attestation its collection recorded.
 */
@NamedInterface("api")
@Service
@Transactional
public class SanitizationPlanner {

  private final InventoryService inventory;
  private final HealthDataPolicy healthData;
  private final InspectionService inspections;

  SanitizationPlanner(
      InventoryService inventory, HealthDataPolicy healthData, InspectionService inspections) {
    this.inventory = inventory;
    this.healthData = healthData;
    this.inspections = inspections;
  }

  /**
   * @param reported storage devices of the process variable (may repeat the inventory's)
   * @throws IllegalArgumentException unknown asset
   * @throws IllegalStateException no drive known nor reported for an asset of a category that
   *     carries storage, and no attestation at its collection (nothing is written)
   */
  public SanitizationPlan plan(
      long assetId, List<StorageDevice> reported, String actor, String operationId) {
    Asset asset =
        inventory
            .findById(assetId)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Aucun équipement n° " + assetId + " dans l'inventaire"));
    Map<String, StorageDevice> devices = new LinkedHashMap<>();
    asset.storageDevices().stream()
        .sorted(Comparator.comparing(StorageDevice::serialNumber))
        .forEach(d -> devices.put(key(d.serialNumber()), d));
    for (StorageDevice d : reported) {
      devices.putIfAbsent(key(d.serialNumber()), d);
    }
    boolean health = healthData.mayHoldHealthData(asset);
    List<PlannedDrive> drives = new ArrayList<>();
    for (StorageDevice d : devices.values()) {
      SanitizationLevel level = MediaPolicy.requiredLevel(d.type(), health);
      drives.add(
          new PlannedDrive(
              d.serialNumber(),
              d.type(),
              level,
              MediaPolicy.recommendedMethod(d.type(), level, d.interfaceName())));
    }
    SanitizationPlan plan = new SanitizationPlan(health, drives, noStorageReason(asset, drives));
    if (drives.isEmpty() && plan.noStorageReason() == null) {
      throw new IllegalStateException(
          ("L'équipement %s (%s) n'a aucun support de stockage relevé et sa collecte n'a rien"
                  + " attesté (support retiré et détruit ailleurs, ou absence vérifiée) : rien ne"
                  + " peut être planifié ni effacé sans cette preuve")
              .formatted(asset.inventoryNumber(), asset.category().label()));
    }
    inventory.appendCustody(
        new AppendCustody(
            asset.inventoryNumber(), CustodyAction.NOTE, actor, describe(plan), null, operationId));
    return plan;
  }

  /**
   * Why a plan without drives is proven: a category that carries no storage, or the attestation
   * recorded at the asset's latest collection; null when nothing proves it.
   */
  private String noStorageReason(Asset asset, List<PlannedDrive> drives) {
    if (!drives.isEmpty()) {
      return null;
    }
    if (!asset.category().carriesStorage()) {
      return "catégorie sans support de stockage (" + asset.category().label() + ")";
    }
    return inspections
        .latest(asset.id())
        .flatMap(Inspection::attestation)
        .map(a -> "attestation de collecte : " + a.describe())
        .orElse(null);
  }

  static String describe(SanitizationPlan plan) {
    if (!plan.sanitizationRequired()) {
      return "Plan d'effacement : aucun support de stockage, rien à effacer (NO_STORAGE) ; "
          + plan.noStorageReason()
          + ".";
    }
    return "Plan d'effacement (données de santé : %s) : %s."
        .formatted(
            plan.healthData() ? "oui, Purge au moins" : "non",
            plan.drives().stream()
                .map(
                    d ->
                        "%s %s → %s"
                            .formatted(
                                d.type().label(), d.serialNumber(), d.requiredLevel().label()))
                .collect(Collectors.joining(" ; ")));
  }

  private static String key(String serial) {
    return serial.strip().toUpperCase(Locale.ROOT);
  }
}
