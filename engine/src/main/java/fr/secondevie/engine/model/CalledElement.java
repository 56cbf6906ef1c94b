package fr.secondevie.engine.model;

import fr.secondevie.engine.feel.Expression;

/**
 * {@code zeebe:calledElement} of a call activity: the called process id (static or FEEL), which
 * version to call, and which variables cross the process boundary in each direction.
 *
 * @param versionTag the version tag to call with {@link Binding#VERSION_TAG}, else {@code null}
 */
public record CalledElement(
    Expression processId,
    Binding binding,
    String versionTag,
    boolean propagateAllParentVariables,
    boolean propagateAllChildVariables) {

  /** {@code bindingType}: which version of the called process is instantiated. */
  public enum Binding {
    /** The latest version deployed when the call activity is activated (the default). */
    LATEST,
    /** The version deployed together with the calling process. */
    DEPLOYMENT,
    /** The latest version carrying the given version tag. */
    VERSION_TAG
  }
}
