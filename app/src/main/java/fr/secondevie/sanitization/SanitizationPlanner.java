package fr.secondevie.sanitization;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.CustodyAction;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans the sanitization of an asset: every storage device the inventory knows for it (those found
 * at the inspection were recorded just before) plus any other reported by the process, each with
 * its required level. A drive the inventory knows cannot leave the plan by omission.
 */
@Service
@Transactional
public class SanitizationPlanner {

  private final InventoryService inventory;
  private final HealthDataPolicy healthData;

  SanitizationPlanner(InventoryService inventory, HealthDataPolicy healthData) {
    this.inventory = inventory;
    this.healthData = healthData;
  }

  /**
   * @param reported storage devices of the process variable (may repeat the inventory's)
   * @throws IllegalArgumentException unknown asset
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
    SanitizationPlan plan = new SanitizationPlan(health, drives);
    inventory.appendCustody(
        new AppendCustody(
            asset.inventoryNumber(), CustodyAction.NOTE, actor, describe(plan), null, operationId));
    return plan;
  }

  static String describe(SanitizationPlan plan) {
    if (!plan.sanitizationRequired()) {
      return "Plan d'effacement : aucun support de stockage, rien à effacer (NO_STORAGE).";
    }
    return "Plan d'effacement (données de santé : %s) : %s."
        .formatted(
            plan.healthData() ? "oui, Purge au moins" : "non",
            plan.drives().stream()
                .map(
                    d ->
                        "%s %s → %s"
                            .formatted(d.type().label(), d.serialNumber(), d.requiredLevel()))
                .collect(Collectors.joining(" ; ")));
  }

  private static String key(String serial) {
    return serial.strip().toUpperCase(Locale.ROOT);
  }
}
