/** The Camunda Spring Boot starter against the embedded engine. */
package fr.secondevie.engine.spring;
