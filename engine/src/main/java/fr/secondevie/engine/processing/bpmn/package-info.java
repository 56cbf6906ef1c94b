/**
 * BPMN execution: one behaviour class per element type, registered in {@link
 * fr.secondevie.engine.processing.bpmn.BpmnBehaviors}, driven by the {@link
 * fr.secondevie.engine.processing.bpmn.ElementLifecycle} (activate, complete, terminate, take
 * flows). Behaviours stay thin; shared work lives in {@code processing.behavior}.
 */
package fr.secondevie.engine.processing.bpmn;
