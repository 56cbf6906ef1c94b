package fr.secondevie.common;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * A feature's own check of what its processes need (a partner registered, a setting given). Each
 * feature contributes one as a bean; the web shell lists them at start-up and on the home page of
 * the administrators and process owners.
 */
@NamedInterface("api")
@FunctionalInterface
public interface PrerequisiteCheck {

  /** What is missing now; empty when the feature is ready. Reads only, never fails on absence. */
  List<Prerequisite> missing();
}
