package fr.secondevie.sanitization;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The physical destruction of one storage medium: method, DIN 66399 / ISO 21964 level, date,
 * provider and the provider's certificate reference, with the record we generated (PDF).
 */
@Table("media_destruction")
record MediaDestruction(
    @Id Long id,
    long assetId,
    String serialNumber,
    String mediaType,
    String destructionMethod,
    String dinLevel,
    LocalDate destroyedOn,
    String provider,
    String certificateRef,
    String witness,
    String documentPublicId,
    String operationId,
    String recordedBy,
    Instant recordedAt) {}
