package fr.secondevie.engine.dmn;

import java.util.List;
import org.camunda.dmn.parser.ParsedDmn;

/** A parsed DMN resource: the decision requirements graph and its decisions. */
public record ParsedDrg(String id, String name, ParsedDmn dmn, List<DecisionInfo> decisions) {

  /** One decision of the graph. */
  public record DecisionInfo(String id, String name, String type) {}
}
