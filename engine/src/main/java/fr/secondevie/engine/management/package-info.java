/** The management (actuator) API: controlled clock and cluster purge, for Camunda Process Test. */
package fr.secondevie.engine.management;
