/**
 * Expressions: static values and FEEL expressions ({@code =...}) parsed once at deployment with
 * feel-scala, then evaluated many times against the variables visible from a scope.
 */
package fr.secondevie.engine.feel;
