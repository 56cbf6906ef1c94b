package fr.secondevie.engine.rest;

import static fr.secondevie.engine.rest.RestEngine.rest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.secondevie.engine.rest.RestEngine.Answer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad requests are 400 and unknown keys 404, as {@code application/problem+json} documents ({@code
 * type, title, status, detail, instance}) whose detail names the offending field. Checks
 * https://docs.camunda.io/docs/apis-tools/orchestration-cluster-api-rest/orchestration-cluster-api-rest-overview/.
 */
class ProblemDetailTest {

  @ParameterizedTest(name = "{0} {1} {2} -> 400 naming {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          POST | /v2/process-instances/search   | {"filter":{"foo":1}}                                  | filter.foo
          POST | /v2/process-instances/search   | {"filter":{"processInstanceKey":"abc"}}               | filter.processInstanceKey
          POST | /v2/process-instances/search   | {"filter":{"state":"RUNNING"}}                        | filter.state
          POST | /v2/process-instances/search   | {"filter":{"processDefinitionVersion":{"$gt":"x"}}}   | filter.processDefinitionVersion.$gt
          POST | /v2/process-instances/search   | {"filter":{"processDefinitionId":{"$regex":"x"}}}     | filter.processDefinitionId
          POST | /v2/process-instances/search   | {"filter":{"startDate":{"$gt":"yesterday"}}}          | filter.startDate.$gt
          POST | /v2/process-instances/search   | {"filter":{"variables":[{"value":"1"}]}}              | filter.variables[0].name
          POST | /v2/process-instances/search   | {"sort":[{"field":"nope"}]}                           | sort[0].field
          POST | /v2/process-instances/search   | {"sort":[{"field":"startDate","order":"UP"}]}         | sort[0].order
          POST | /v2/process-instances/search   | {"page":{"limit":0}}                                  | page.limit
          POST | /v2/process-instances/search   | {"page":{"after":"not-a-cursor"}}                     | page.after
          POST | /v2/process-instances/search   | {"page":{"from":1,"after":"x"}}                       | page.from
          POST | /v2/process-instances/search   | {"filters":{}}                                        | filters
          POST | /v2/element-instances/search   | {"filter":{"type":"TASKS"}}                           | filter.type
          POST | /v2/user-tasks/search          | {"filter":{"priority":"high"}}                        | filter.priority
          POST | /v2/variables/search           | {"filter":{"isTruncated":"yes"}}                      | filter.isTruncated
          POST | /v2/incidents/search           | {"filter":{"errorType":"OOPS"}}                       | filter.errorType
          POST | /v2/decision-instances/search  | {"filter":{"decisionEvaluationKey":"x1"}}             | filter.decisionEvaluationKey
          POST | /v2/process-instances          | {}                                                    | processDefinitionId
          POST | /v2/process-instances          | {"processDefinitionId":"p","variables":[1]}           | variables
          POST | /v2/process-instances          | {"processDefinitionId":"p","tenantId":"other"}        | tenantId
          POST | /v2/jobs/activation            | {"type":"t","maxJobsToActivate":1}                    | timeout
          POST | /v2/jobs/activation            | {"type":"t","timeout":1000}                           | maxJobsToActivate
          POST | /v2/jobs/activation            | {"timeout":1000,"maxJobsToActivate":1}                | type
          POST | /v2/jobs/1/error               | {}                                                    | errorCode
          PATCH| /v2/jobs/1                     | {}                                                    | changeset
          POST | /v2/messages/publication       | {"correlationKey":"k"}                                | name
          POST | /v2/messages/correlation       | {"name":7}                                            | name
          POST | /v2/user-tasks/1/assignment    | {}                                                    | assignee
          PUT  | /v2/element-instances/1/variables | {"local":true}                                     | variables
          POST | /v2/decision-definitions/evaluation | {"variables":{}}                                 | decisionDefinitionId
          PUT  | /v2/clock                      | {}                                                    | timestamp
          POST | /v2/process-instances/search   | {"filter":                                            | JSON
          GET  | /v2/process-instances/abc      |                                                       | processInstanceKey
          """)
  void badRequestsAreProblemsNamingTheField(String method, String path, String body, String field) {
    // when
    Answer answer = rest(method.trim(), path.trim(), body == null ? null : body.trim());

    // then
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertProblem(answer, 400, path.trim());
    assertThat(answer.json().get("detail").asText()).contains(field.trim());
  }

  @ParameterizedTest(name = "{0} {1} -> 404")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          GET  | /v2/process-instances/1
          GET  | /v2/process-instances/1/sequence-flows
          GET  | /v2/process-instances/1/call-hierarchy
          POST | /v2/process-instances/1/cancellation
          GET  | /v2/element-instances/1
          PUT  | /v2/element-instances/1/variables
          GET  | /v2/variables/1
          GET  | /v2/user-tasks/1
          GET  | /v2/user-tasks/1/form
          POST | /v2/user-tasks/1/completion
          POST | /v2/user-tasks/1/assignment
          DELETE | /v2/user-tasks/1/assignee
          PATCH | /v2/user-tasks/1
          GET  | /v2/incidents/1
          POST | /v2/incidents/1/resolution
          POST | /v2/jobs/1/completion
          POST | /v2/jobs/1/failure
          POST | /v2/jobs/1/error
          PATCH | /v2/jobs/1
          GET  | /v2/process-definitions/1
          GET  | /v2/process-definitions/1/xml
          GET  | /v2/process-definitions/1/form
          GET  | /v2/decision-definitions/1
          GET  | /v2/decision-definitions/1/xml
          GET  | /v2/decision-requirements/1
          GET  | /v2/decision-requirements/1/xml
          GET  | /v2/decision-instances/1-1
          GET  | /v2/resources/1
          POST | /v2/messages/correlation
          POST | /v2/decision-definitions/evaluation
          GET  | /v2/no-such-endpoint
          """)
  void unknownKeysAreNotFound(String method, String path) {
    // when
    String body =
        switch (path.trim()) {
          case "/v2/element-instances/1/variables" -> "{\"variables\":{}}";
          case "/v2/user-tasks/1/assignment" -> "{\"assignee\":\"anna\"}";
          case "/v2/jobs/1/error" -> "{\"errorCode\":\"E\"}";
          case "/v2/jobs/1", "/v2/user-tasks/1" -> "{\"changeset\":{\"retries\":1}}";
          case "/v2/messages/correlation" -> "{\"name\":\"nobody-listens\"}";
          case "/v2/decision-definitions/evaluation" -> "{\"decisionDefinitionKey\":\"1\"}";
          default -> "{}";
        };
    Answer answer = rest(method.trim(), path.trim(), body);

    // then
    assertThat(answer.status()).as(answer.body()).isEqualTo(404);
    assertProblem(answer, 404, path.trim());
  }

  @ParameterizedTest(name = "{0} {1} -> 405")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          DELETE | /v2/topology
          GET    | /v2/process-instances/search
          """)
  void wrongMethodsAreNotAllowed(String method, String path) {
    Answer answer = rest(method.trim(), path.trim(), null);

    assertThat(answer.status()).isEqualTo(405);
    assertProblem(answer, 405, path.trim());
  }

  private static void assertProblem(Answer answer, int status, String path) {
    assertThat(answer.contentType()).startsWith("application/problem+json");
    JsonNode problem = answer.json();
    assertThat(problem.get("type").asText()).isEqualTo("about:blank");
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asText()).isNotBlank();
    assertThat(problem.get("instance").asText()).isEqualTo(path);
  }
}
