package fr.secondevie.suppliers;

import org.springframework.data.relational.core.mapping.Table;
import org.springframework.modulith.NamedInterface;

/** A person to write to at the supplier. */
@NamedInterface("api")
@Table("supplier_contact")
public record SupplierContact(String name, String email, String phone) {}
