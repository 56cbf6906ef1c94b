package fr.secondevie.console;

import java.time.LocalDate;

/**
 * The filters of the instance list; {@code null} means "any". The asset is given by its inventory
 * number and the campaign by its id, both matched on the instance's variables ({@code assetId},
 * {@code campaignId}).
 *
 * @param page 1-based page number
 */
record InstanceFilter(
    String processId,
    Integer version,
    InstanceState state,
    LocalDate startedFrom,
    LocalDate startedTo,
    String inventoryNumber,
    Long campaignId,
    int page,
    int size) {

  static final int DEFAULT_SIZE = 25;

  InstanceFilter {
    processId = blankToNull(processId);
    inventoryNumber = blankToNull(inventoryNumber);
    page = Math.max(1, page);
    size = size <= 0 ? DEFAULT_SIZE : Math.min(size, 100);
  }

  static InstanceFilter all() {
    return new InstanceFilter(null, null, null, null, null, null, null, 1, DEFAULT_SIZE);
  }

  InstanceFilter page(int number) {
    return new InstanceFilter(
        processId,
        version,
        state,
        startedFrom,
        startedTo,
        inventoryNumber,
        campaignId,
        number,
        size);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
