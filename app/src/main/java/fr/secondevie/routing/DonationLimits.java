package fr.secondevie.routing;

import fr.secondevie.models.DmnFile;
import fr.secondevie.processes.AssetRouteDecision;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.Decision;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The two figures of the law that the decision {@code asset-route} decides — the age above which an
 * asset is recycled, the residual unit value up to which it may be given — read from the version of
 * the decision the runtime runs (its latest), so that the donation's legal check and the routing
 * never disagree: a process owner who changes a threshold in the table changes it for both.
 *
 * <p>The age limit is the {@code > N} of the age column in the rule that routes to {@code RECYCLE}
 * on age alone; the cap is the {@code <= N} of the value column in the rules that route to {@code
 * DONATION}. A table where either cannot be read unambiguously stops the check ({@link
 * IllegalStateException}: the job fails and the incident names the reason) rather than fall back on
 * figures of its own. The table is fetched again only when the runtime's latest version changes.
 */
@NamedInterface("api")
@Component
public class DonationLimits {

  private static final Pattern GREATER = Pattern.compile(">\\s*(\\d+(?:\\.\\d+)?)");
  private static final Pattern AT_MOST = Pattern.compile("<=\\s*(\\d+(?:\\.\\d+)?)");

  /**
   * The figures and the decision version they come from.
   *
   * @param maxAgeYears an asset older than this is not given
   * @param unitValueCap euros; a residual unit value above this is not given
   * @param decisionKey the decision version read
   */
  @NamedInterface("api")
  public record Limits(BigDecimal maxAgeYears, BigDecimal unitValueCap, long decisionKey) {}

  private final CamundaClient client;
  private final AtomicReference<Limits> cached = new AtomicReference<>();

  DonationLimits(CamundaClient client) {
    this.client = client;
  }

  /** The figures of the runtime's latest version of {@code asset-route}. */
  public Limits current() {
    Decision latest =
        client
            .newDecisionDefinitionSearchRequest()
            .filter(f -> f.decisionDefinitionId(AssetRouteDecision.DECISION_ID))
            .page(p -> p.limit(1000))
            .send()
            .join()
            .items()
            .stream()
            .max(Comparator.comparingInt(Decision::getVersion))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "La décision " + AssetRouteDecision.DECISION_ID + " n'est pas déployée"));
    Limits known = cached.get();
    if (known != null && known.decisionKey() == latest.getDecisionKey()) {
      return known;
    }
    String xml =
        client
            .newDecisionRequirementsGetXmlRequest(latest.getDecisionRequirementsKey())
            .send()
            .join();
    Limits read =
        read(
            DmnFile.read(AssetRouteDecision.RESOURCE, xml.getBytes(StandardCharsets.UTF_8)),
            latest.getDecisionKey());
    cached.set(read);
    return read;
  }

  /** The figures of a DMN holding {@code asset-route}. */
  static Limits read(DmnFile dmn, long decisionKey) {
    DmnFile.Decision table =
        dmn.decisions().stream()
            .filter(d -> d.id().equals(AssetRouteDecision.DECISION_ID))
            .findFirst()
            .orElseThrow(() -> unreadable("la décision est absente du fichier"));
    int age = inputColumn(table, AssetRouteDecision.Inputs.AGE_YEARS);
    int value = inputColumn(table, AssetRouteDecision.Inputs.RESIDUAL_UNIT_VALUE);
    int route = -1;
    for (int i = 0; i < table.outputs().size(); i++) {
      if (AssetRouteDecision.Outputs.ROUTE.equals(table.outputs().get(i).text())) {
        route = i;
      }
    }
    if (route < 0) {
      throw unreadable("pas de sortie « route »");
    }
    Set<BigDecimal> ages = new TreeSet<>();
    Set<BigDecimal> caps = new TreeSet<>();
    for (DmnFile.Rule rule : table.rules()) {
      String routed = rule.outputEntries().get(route).replace("\"", "").strip();
      if (AssetRouteDecision.Routes.RECYCLE.equals(routed) && onlyCondition(rule, age)) {
        Matcher m = GREATER.matcher(rule.inputEntries().get(age).strip());
        if (m.matches()) {
          ages.add(new BigDecimal(m.group(1)));
        }
      }
      if (AssetRouteDecision.Routes.DONATION.equals(routed)) {
        Matcher m = AT_MOST.matcher(rule.inputEntries().get(value).strip());
        if (!m.matches()) {
          throw unreadable(
              "la règle de don " + rule.id() + " ne borne pas la valeur par « <= montant »");
        }
        caps.add(new BigDecimal(m.group(1)));
      }
    }
    if (ages.size() != 1) {
      throw unreadable(
          "attendu une règle de recyclage sur l'âge seul « > N » ; trouvé " + ages.size());
    }
    if (caps.size() != 1) {
      throw unreadable("attendu un seul plafond « <= N » dans les règles de don ; trouvé " + caps);
    }
    return new Limits(ages.iterator().next(), caps.iterator().next(), decisionKey);
  }

  private static boolean onlyCondition(DmnFile.Rule rule, int column) {
    for (int i = 0; i < rule.inputEntries().size(); i++) {
      String entry = rule.inputEntries().get(i).strip();
      if (i != column && !entry.isEmpty() && !entry.equals("-")) {
        return false;
      }
    }
    return true;
  }

  private static int inputColumn(DmnFile.Decision table, String expression) {
    for (int i = 0; i < table.inputs().size(); i++) {
      if (expression.equals(table.inputs().get(i).text())) {
        return i;
      }
    }
    throw unreadable("pas de colonne d'entrée « " + expression + " »");
  }

  private static IllegalStateException unreadable(String why) {
    return new IllegalStateException(
        "Seuils du don illisibles dans la décision "
            + AssetRouteDecision.DECISION_ID
            + " : "
            + why);
  }
}
