/**
 * History: query-friendly views built from the same records as the runtime state, kept after
 * instances end. The processing thread writes; any thread reads. Views are immutable records
 * replaced as a whole on each change, held in concurrent maps, so a reader sees each entity in a
 * consistent state. Phase B's REST searches filter, sort and page these collections.
 */
package fr.secondevie.engine.history;
