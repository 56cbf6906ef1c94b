/**
 * DMN decisions through dmn-scala: a resource is parsed once at deployment; evaluations return the
 * output and, per evaluated decision, the inputs and matched rules that decision instances expose.
 */
package fr.secondevie.engine.dmn;
