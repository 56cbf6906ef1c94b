package fr.secondevie.inventory;

import org.springframework.data.relational.core.mapping.Table;

/**
 * The value of one technical attribute of an asset (processor, memory, operating system, screen
 * size…), keyed by its name in {@link Asset#technicalAttributes()}.
 */
@Table("asset_attribute")
record TechnicalAttribute(String value) {}
