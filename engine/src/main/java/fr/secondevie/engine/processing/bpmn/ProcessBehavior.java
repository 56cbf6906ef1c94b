package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.record.ErrorType;
import fr.secondevie.engine.state.ElementInstance;
import fr.secondevie.engine.util.Either;
import java.util.List;
import java.util.Map;

/**
 * The process itself: created by the {@link ProcessInstanceCreator}, it opens the subscriptions of
 * its event sub-processes; it completes when no element is active in it anymore, telling the
 * listener, the call activity that created it, and a message start event waiting for the
 * correlation key to be free.
 */
final class ProcessBehavior implements BpmnElementBehavior {

  private final BpmnBehaviors bpmn;

  ProcessBehavior(BpmnBehaviors bpmn) {
    this.bpmn = bpmn;
  }

  @Override
  public void onActivate(ElementInstance instance) {
    if (bpmn.listenerJobs().awaitStart(instance)) {
      return; // a start listener runs first
    }
    Either<Void> subscriptions = bpmn.subscriptions().open(instance, false);
    if (!subscriptions.isOk()) {
      bpmn.incidents().raise(instance, ErrorType.EXTRACT_VALUE_ERROR, subscriptions.failure());
      return;
    }
    bpmn.lifecycle().activated(instance);
  }

  @Override
  public void onComplete(ElementInstance instance) {
    if (bpmn.listenerJobs().awaitEnd(instance)) {
      return; // an end listener runs first
    }
    Map<String, Object> variables =
        bpmn.ctx().state().variables().visible(instance.key(), List.of());
    String[] startedWith = bpmn.ctx().state().messages().startedWith(instance.key());
    bpmn.subscriptions().close(instance);
    bpmn.lifecycle().completed(instance);
    bpmn.listener().completed(instance, variables);
    startNextByMessage(startedWith);
    bpmn.callActivities().calledProcessCompleted(instance, variables);
  }

  @Override
  public void onTerminate(ElementInstance instance) {
    String[] startedWith = bpmn.ctx().state().messages().startedWith(instance.key());
    bpmn.subscriptions().close(instance);
    bpmn.listener().terminated(instance);
    startNextByMessage(startedWith);
  }

  private void startNextByMessage(String[] startedWith) {
    if (startedWith != null) {
      bpmn.ctx().followUp(() -> bpmn.messages().startBufferedAfter(startedWith[0], startedWith[1]));
    }
  }
}
