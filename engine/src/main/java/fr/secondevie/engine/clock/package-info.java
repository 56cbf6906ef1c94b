/** The controllable clock that every timer, deadline and time-to-live of the engine reads. */
package fr.secondevie.engine.clock;
