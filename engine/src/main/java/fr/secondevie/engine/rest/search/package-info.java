/**
 * Search requests of the REST API, written once for every entity: filters (plain values or {@code
 * $eq $neq $exists $in $notIn $like $gt $gte $lt $lte} objects, variable filters, {@code $or}),
 * stable sorts and offset or cursor pages, over a {@link
 * fr.secondevie.engine.rest.search.SearchSchema} per entity.
 */
package fr.secondevie.engine.rest.search;
