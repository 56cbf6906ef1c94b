package fr.secondevie.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Compensation through the real client: a compensation boundary event and its handler
 * (isForCompensation, association), intermediate throw and end compensation events invoking the
 * handlers of completed activities of their scope (all, or the {@code activityRef} only) and
 * waiting for them, one invocation per completion and none twice, completed sub-processes
 * compensated recursively, a multi-instance activity compensated once, and compensation thrown from
 * an error event sub-process. Checks
 * https://docs.camunda.io/docs/components/modeler/bpmn/compensation-events/ and
 * .../compensation-handler/ (8.8).
 */
class CompensationTest extends ConformanceTest {

  /** A service task with a compensation boundary event whose handler is a service task. */
  private static AbstractFlowNodeBuilder<?, ?> compensable(
      AbstractFlowNodeBuilder<?, ?> builder, String id, String type, String undoType) {
    return builder
        .serviceTask(id, t -> t.zeebeJobType(type))
        .boundaryEvent(id + "-compensation")
        .compensation(c -> c.serviceTask("undo-" + id, u -> u.zeebeJobType(undoType)));
  }

  private static String undo(String type) {
    return "undo-" + type;
  }

  @Test
  void shouldInvokeTheHandlerOfACompletedActivityAndWaitForIt() {
    // given
    String processId = unique("compensation");
    String book = unique("book");
    BpmnModelInstance model =
        compensable(Bpmn.createExecutableProcess(processId).startEvent(), "book", book, undo(book))
            .intermediateThrowEvent(
                "compensate", e -> e.compensateEventDefinition().compensateEventDefinitionDone())
            .endEvent("done")
            .done();
    deploy(model);
    long key = start(processId).getProcessInstanceKey();

    // when
    completeJob(book, Map.of("bookingId", "B-17"));

    // then: the throw event waits for the handler, which sees the process variables
    ActivatedJob handler = activateJob(undo(book));
    assertThat(handler.getElementId()).isEqualTo("undo-book");
    assertThat(handler.getVariablesAsMap()).containsEntry("bookingId", "B-17");
    assertThat(elements(key, "ACTIVE")).contains("compensate").doesNotContain("done");
    assertThat(elements(key, "COMPLETED")).contains("book-compensation");
    client.newCompleteCommand(handler.getKey()).send().join();
    awaitCompleted(key);
    assertThat(elements(key, "COMPLETED")).contains("undo-book", "compensate", "done");
  }

  @Test
  void shouldCompleteAtOnceWhenNoActivityWasCompleted() {
    // given
    String processId = unique("compensation-nothing");
    String book = unique("book");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .intermediateThrowEvent(
                "compensate", e -> e.compensateEventDefinition().compensateEventDefinitionDone())
            .serviceTask("book", t -> t.zeebeJobType(book))
            .boundaryEvent("book-compensation")
            .compensation(c -> c.serviceTask("undo-book", u -> u.zeebeJobType(undo(book))))
            .endEvent("done")
            .done());

    // when
    long key = start(processId).getProcessInstanceKey();

    // then: the task was not completed when compensation was thrown
    awaitElement(key, "compensate", "COMPLETED");
    completeJob(book, Map.of());
    awaitCompleted(key);
    assertThat(activateJobsNow(undo(book))).isEmpty();
    assertThat(elements(key, "COMPLETED")).doesNotContain("undo-book", "book-compensation");
  }

  @Test
  void shouldInvokeTheHandlerOncePerCompletionAndNeverTwice() {
    // given: the task runs twice, then compensation is thrown twice
    String processId = unique("compensation-loop");
    String book = unique("book");
    deploy(
        compensable(
                Bpmn.createExecutableProcess(processId).startEvent().exclusiveGateway("join"),
                "book",
                book,
                undo(book))
            .exclusiveGateway("again")
            .conditionExpression("=again")
            .connectTo("join")
            .moveToNode("again")
            .conditionExpression("=not(again)")
            .intermediateThrowEvent(
                "compensate", e -> e.compensateEventDefinition().compensateEventDefinitionDone())
            .intermediateThrowEvent(
                "compensate-again",
                e -> e.compensateEventDefinition().compensateEventDefinitionDone())
            .endEvent("done")
            .done());
    long key = start(processId).getProcessInstanceKey();
    completeJob(book, Map.of("again", true));
    awaitElement(key, "join", "COMPLETED");
    completeJob(book, Map.of("again", false));

    // when
    List<ActivatedJob> handlers = activateJobs(undo(book), 5);

    // then
    assertThat(handlers).hasSize(2);
    handlers.forEach(job -> client.newCompleteCommand(job.getKey()).send().join());
    awaitCompleted(key);
    assertThat(activateJobsNow(undo(book))).isEmpty();
    assertThat(elements(key, "COMPLETED")).contains("compensate", "compensate-again");
  }

  @Test
  void shouldCompensateOnlyTheReferencedActivity() {
    // given
    String processId = unique("compensation-ref");
    String book = unique("book");
    String pay = unique("pay");
    deploy(
        compensable(
                compensable(
                    Bpmn.createExecutableProcess(processId).startEvent(), "book", book, undo(book)),
                "pay",
                pay,
                undo(pay))
            .intermediateThrowEvent(
                "refund",
                e ->
                    e.compensateEventDefinition()
                        .activityRef("pay")
                        .compensateEventDefinitionDone())
            .endEvent("done")
            .done());
    long key = start(processId).getProcessInstanceKey();
    completeJob(book, Map.of());
    completeJob(pay, Map.of());

    // when
    completeJob(undo(pay), Map.of());

    // then
    awaitCompleted(key);
    assertThat(activateJobsNow(undo(book))).isEmpty();
    assertThat(elements(key, "COMPLETED")).contains("undo-pay").doesNotContain("undo-book");
  }

  @Test
  void shouldCompensateInsideACompletedSubProcessButNotOutsideTheThrowingSubProcess() {
    // given: "trip" (a completed sub-process with a compensable task), then a sub-process that
    // throws compensation inside itself, then a throw at the top level
    String processId = unique("compensation-nested");
    String book = unique("book");
    String pay = unique("pay");
    String notify = unique("notify");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess(
                "trip",
                s ->
                    compensable(s.embeddedSubProcess().startEvent(), "book", book, undo(book))
                        .endEvent())
            .subProcess(
                "payment",
                s ->
                    compensable(s.embeddedSubProcess().startEvent(), "pay", pay, undo(pay))
                        .intermediateThrowEvent(
                            "refund",
                            e -> e.compensateEventDefinition().compensateEventDefinitionDone())
                        .serviceTask("notify", t -> t.zeebeJobType(notify))
                        .endEvent())
            .endEvent("compensate-all", e -> e.compensateEventDefinition())
            .done());
    long key = start(processId).getProcessInstanceKey();
    completeJob(book, Map.of());
    completeJob(pay, Map.of());

    // when: the throw inside "payment" compensates "pay" only
    completeJob(undo(pay), Map.of());

    // then
    assertThat(activateJobsNow(undo(book))).isEmpty();
    completeJob(notify, Map.of());

    // when: the end event at the top compensates inside the completed "trip" (and nothing twice)
    ActivatedJob undoBook = activateJob(undo(book));
    assertThat(elements(key, "ACTIVE")).contains("compensate-all");
    assertThat(activateJobsNow(undo(pay))).isEmpty();
    client.newCompleteCommand(undoBook.getKey()).send().join();

    // then
    awaitCompleted(key);
  }

  @Test
  void shouldCompensateAMultiInstanceActivityOnceAfterAllItsInstancesCompleted() {
    // given
    String processId = unique("compensation-mi");
    String book = unique("book");
    AbstractFlowNodeBuilder<?, ?> afterBooking =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "book",
                t ->
                    t.zeebeJobType(book)
                        .multiInstance(m -> m.zeebeInputCollectionExpression("rooms").parallel()))
            .boundaryEvent("book-compensation")
            .compensation(c -> c.serviceTask("undo-book", u -> u.zeebeJobType(undo(book))));
    deploy(
        afterBooking
            .intermediateThrowEvent(
                "compensate", e -> e.compensateEventDefinition().compensateEventDefinitionDone())
            .endEvent("done")
            .done());
    long key = start(processId, Map.of("rooms", List.of(1, 2, 3))).getProcessInstanceKey();

    // when
    activateJobs(book, 3).forEach(job -> client.newCompleteCommand(job.getKey()).send().join());

    // then
    List<ActivatedJob> handlers = activateJobs(undo(book), 5);
    assertThat(handlers).hasSize(1);
    client.newCompleteCommand(handlers.get(0).getKey()).send().join();
    awaitCompleted(key);
  }

  @Test
  void shouldCompensateFromAnErrorEventSubProcess() {
    // given: "book" completed, then "pay" fails with a BPMN error caught by an event sub-process
    // whose compensation end event undoes the booking
    String processId = unique("compensation-esp");
    String book = unique("book");
    String pay = unique("pay");
    deploy(
        compensable(
                Bpmn.createExecutableProcess(processId)
                    .eventSubProcess(
                        "on-failure",
                        e ->
                            e.startEvent("failed")
                                .error("PAYMENT_FAILED")
                                .endEvent("undo-all", end -> end.compensateEventDefinition()))
                    .startEvent(),
                "book",
                book,
                undo(book))
            .serviceTask("pay", t -> t.zeebeJobType(pay))
            .endEvent("done")
            .done());
    long key = start(processId).getProcessInstanceKey();
    completeJob(book, Map.of());

    // when
    ActivatedJob payment = activateJob(pay);
    client.newThrowErrorCommand(payment.getKey()).errorCode("PAYMENT_FAILED").send().join();

    // then
    ActivatedJob handler = activateJob(undo(book));
    assertThat(elements(key, "ACTIVE")).contains("on-failure", "undo-all");
    client.newCompleteCommand(handler.getKey()).send().join();
    awaitCompleted(key);
    assertThat(elements(key, "TERMINATED")).contains("pay");
    assertThat(elements(key, "COMPLETED")).contains("undo-book", "undo-all").doesNotContain("done");
  }

  @Test
  void shouldNotCompensateInsideASubProcessThatWasInterrupted() {
    // given: inside "trip", "book" completed, then "trip" is interrupted by an error
    String processId = unique("compensation-interrupted");
    String book = unique("book");
    String pay = unique("pay");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess(
                "trip",
                s ->
                    compensable(s.embeddedSubProcess().startEvent(), "book", book, undo(book))
                        .serviceTask("pay", t -> t.zeebeJobType(pay))
                        .endEvent())
            .endEvent("done")
            .moveToActivity("trip")
            .boundaryEvent("failed", b -> b.error("PAYMENT_FAILED"))
            .endEvent("compensate-all", e -> e.compensateEventDefinition())
            .done());
    long key = start(processId).getProcessInstanceKey();
    completeJob(book, Map.of());

    // when
    ActivatedJob payment = activateJob(pay);
    client.newThrowErrorCommand(payment.getKey()).errorCode("PAYMENT_FAILED").send().join();

    // then: the terminated sub-process is not compensated
    awaitCompleted(key);
    assertThat(activateJobsNow(undo(book))).isEmpty();
    assertThat(elements(key, "TERMINATED")).contains("trip", "pay");
    assertThat(elements(key, "COMPLETED")).contains("compensate-all").doesNotContain("undo-book");
  }

  @Test
  void shouldRunASubProcessAsCompensationHandler() {
    // given
    String processId = unique("compensation-handler-subprocess");
    String book = unique("book");
    String cancel = unique("cancel");
    String notify = unique("notify");
    AbstractFlowNodeBuilder<?, ?> booked =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("book", t -> t.zeebeJobType(book))
            .boundaryEvent("book-compensation")
            .compensation(
                c ->
                    c.subProcess(
                        "undo-book",
                        s ->
                            s.embeddedSubProcess()
                                .startEvent()
                                .serviceTask("cancel", t -> t.zeebeJobType(cancel))
                                .serviceTask("notify", t -> t.zeebeJobType(notify))
                                .endEvent()));
    deploy(
        booked
            .intermediateThrowEvent(
                "compensate", e -> e.compensateEventDefinition().compensateEventDefinitionDone())
            .endEvent("done")
            .done());
    long key = start(processId).getProcessInstanceKey();
    completeJob(book, Map.of());

    // when
    completeJob(cancel, Map.of());

    // then: the throw event waits for the whole handler
    awaitElement(key, "notify", "ACTIVE");
    assertThat(elements(key, "ACTIVE")).contains("compensate", "undo-book");
    completeJob(notify, Map.of());
    awaitCompleted(key);
  }
}
