package fr.secondevie.suppliers;

import org.springframework.data.relational.core.mapping.Table;

/** A person to write to at the supplier. */
@Table("supplier_contact")
public record SupplierContact(String name, String email, String phone) {}
