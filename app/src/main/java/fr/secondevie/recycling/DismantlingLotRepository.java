package fr.secondevie.recycling;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * The lots. {@code save} is only for a new lot: saving an existing lot makes Spring Data JDBC
 * delete and re-insert every row of {@code dismantling_lot_asset} of the lot, whose index locks
 * (the duplicate check of {@code dismantling_lot_asset_uk} takes next-key locks on the entries of
 * other lots' assets) deadlocked steps of different lots run at once, each holding only its own
 * lot's lock. A step changing an existing lot therefore calls the aggregate's method (its checks),
 * then writes only what that method changed with the {@code write…} methods below, under the lot's
 * lock ({@link #lock}). They bump {@code version}, so that a copy read before them can no longer be
 * saved whole.
 */
interface DismantlingLotRepository extends ListCrudRepository<DismantlingLot, Long> {

  @Query(
      "SELECT * FROM dismantling_lot WHERE company_id = :companyId AND status = 'OPEN'"
          + " ORDER BY id LIMIT 1")
  Optional<DismantlingLot> findOpen(long companyId);

  @Query(
      "SELECT l.* FROM dismantling_lot l JOIN dismantling_lot_asset a ON a.lot_id = l.id"
          + " WHERE a.asset_id = :assetId")
  Optional<DismantlingLot> findByAsset(long assetId);

  @Query("SELECT * FROM dismantling_lot ORDER BY opened_at DESC, id DESC")
  List<DismantlingLot> findAllNewestFirst();

  @Query(
      "SELECT * FROM dismantling_lot WHERE company_id = :companyId ORDER BY opened_at DESC, id"
          + " DESC")
  List<DismantlingLot> findByCompany(long companyId);

  /** Locks the lot's row until the end of the transaction. */
  @Query("SELECT id FROM dismantling_lot WHERE id = :id FOR UPDATE")
  Optional<Long> lock(long id);

  /** Inserts the row of an asset {@link DismantlingLot#add added} to the lot. */
  default void writeAdded(DismantlingLot lot, LotAsset asset) {
    insertAsset(
        lot.id(),
        asset.assetId(),
        asset.inventoryNumber(),
        asset.category().name(),
        asset.serialNumber(),
        asset.description(),
        asset.addedAt(),
        asset.operationId());
    writeProgress(lot);
  }

  /**
   * Writes the lot's number, status, closing, process instance and completion: what opening,
   * adding, starting, closing and completing change.
   */
  default void writeProgress(DismantlingLot lot) {
    expectOne(
        updateProgress(
            lot.id(),
            lot.number(),
            lot.status().name(),
            lot.closedAt(),
            lot.closedReason() == null ? null : lot.closedReason().name(),
            lot.closeRequestedBy(),
            lot.processInstanceKey(),
            lot.completedAt()),
        lot);
  }

  /** Writes what {@link DismantlingLot#orderSent} changes. */
  default void writeOrder(DismantlingLot lot) {
    expectOne(
        updateOrder(
            lot.id(),
            lot.status().name(),
            lot.orderNumber(),
            lot.orderDocumentId(),
            lot.orderSentAt()),
        lot);
  }

  /** Writes what {@link DismantlingLot#pickedUp} changes. */
  default void writePickup(DismantlingLot lot) {
    expectOne(
        updatePickup(
            lot.id(),
            lot.status().name(),
            lot.pickedUpOn(),
            lot.pickedUpUnits(),
            lot.weightKg(),
            lot.wasteTrackingNumber(),
            lot.carrier(),
            lot.pickupNotes()),
        lot);
  }

  /** Writes what {@link DismantlingLot#attested} changes. */
  default void writeAttestation(DismantlingLot lot) {
    expectOne(
        updateAttestation(
            lot.id(),
            lot.status().name(),
            lot.recyclingCertificateRef(),
            lot.recyclingCertificateDate(),
            lot.eaAttestationRef(),
            lot.invoiceCents(),
            lot.labourCostCents(),
            lot.attestationNotes()),
        lot);
  }

  /** Writes the documents {@link DismantlingLot#attachRecyclingCertificate} and co. attach. */
  default void writeDocuments(DismantlingLot lot) {
    expectOne(
        updateDocuments(
            lot.id(), lot.recyclingCertificateDocumentId(), lot.eaAttestationDocumentId()),
        lot);
  }

  private static void expectOne(int rows, DismantlingLot lot) {
    if (rows != 1) {
      throw new IllegalStateException("Expected lot " + lot.id() + " to update but found none");
    }
  }

  @Modifying
  @Query(
      "INSERT INTO dismantling_lot_asset (lot_id, asset_id, inventory_number, category,"
          + " serial_number, description, added_at, operation_id) VALUES (:lotId, :assetId,"
          + " :inventoryNumber, :category, :serialNumber, :description, :addedAt, :operationId)")
  void insertAsset(
      long lotId,
      long assetId,
      String inventoryNumber,
      String category,
      String serialNumber,
      String description,
      Instant addedAt,
      String operationId);

  @Modifying
  @Query(
      "UPDATE dismantling_lot SET version = version + 1, number = :number, status = :status,"
          + " closed_at = :closedAt, closed_reason = :closedReason, close_requested_by ="
          + " :closeRequestedBy, process_instance_key ="
          + " :processInstanceKey, completed_at = :completedAt WHERE id = :id")
  int updateProgress(
      long id,
      String number,
      String status,
      Instant closedAt,
      String closedReason,
      String closeRequestedBy,
      Long processInstanceKey,
      Instant completedAt);

  @Modifying
  @Query(
      "UPDATE dismantling_lot SET version = version + 1, status = :status, order_number ="
          + " :orderNumber, order_document_id = :orderDocumentId, order_sent_at = :orderSentAt"
          + " WHERE id = :id")
  int updateOrder(
      long id, String status, String orderNumber, String orderDocumentId, Instant orderSentAt);

  @Modifying
  @Query(
      "UPDATE dismantling_lot SET version = version + 1, status = :status, picked_up_on ="
          + " :pickedUpOn, picked_up_units = :units, weight_kg = :weightKg, waste_tracking_number"
          + " = :wasteTrackingNumber, carrier = :carrier, pickup_notes = :notes WHERE id = :id")
  int updatePickup(
      long id,
      String status,
      LocalDate pickedUpOn,
      Integer units,
      BigDecimal weightKg,
      String wasteTrackingNumber,
      String carrier,
      String notes);

  @Modifying
  @Query(
      "UPDATE dismantling_lot SET version = version + 1, status = :status,"
          + " recycling_certificate_ref = :certificateRef, recycling_certificate_date ="
          + " :certificateDate, ea_attestation_ref = :eaAttestationRef, invoice_cents ="
          + " :invoiceCents, labour_cost_cents = :labourCostCents, attestation_notes = :notes"
          + " WHERE id = :id")
  int updateAttestation(
      long id,
      String status,
      String certificateRef,
      LocalDate certificateDate,
      String eaAttestationRef,
      Long invoiceCents,
      Long labourCostCents,
      String notes);

  @Modifying
  @Query(
      "UPDATE dismantling_lot SET version = version + 1, recycling_certificate_document_id ="
          + " :certificateDocumentId, ea_attestation_document_id = :attestationDocumentId"
          + " WHERE id = :id")
  int updateDocuments(long id, String certificateDocumentId, String attestationDocumentId);

  /**
   * Notes when {@code DismantlingCompleted} was published for one asset of the lot: its row only,
   * and only the first time (a publication submitted again keeps the first instant).
   */
  @Modifying
  @Query(
      "UPDATE dismantling_lot_asset SET completion_published_at = :at"
          + " WHERE lot_id = :lotId AND asset_id = :assetId AND completion_published_at IS NULL")
  int updatePublished(long lotId, long assetId, Instant at);
}
