package fr.secondevie.security;

import org.springframework.data.relational.core.mapping.Table;

/** One role of an account. */
@Table("account_role")
record AccountRole(Role role) {}
