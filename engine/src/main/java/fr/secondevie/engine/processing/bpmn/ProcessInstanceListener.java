package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.state.ElementInstance;
import java.util.Map;

/** Told when a process instance ends (to answer CreateProcessInstanceWithResult). */
public interface ProcessInstanceListener {

  ProcessInstanceListener NONE =
      new ProcessInstanceListener() {
        @Override
        public void completed(ElementInstance processInstance, Map<String, Object> variables) {}

        @Override
        public void terminated(ElementInstance processInstance) {}
      };

  /** The instance completed; {@code variables} are its root variables at that moment. */
  void completed(ElementInstance processInstance, Map<String, Object> variables);

  void terminated(ElementInstance processInstance);
}
