/** Small helpers shared by every layer of the engine: results and JSON values. */
package fr.secondevie.engine.util;
