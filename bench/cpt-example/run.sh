#!/usr/bin/env bash
# Runs an external Camunda Process Test project (by default Camunda's camunda-process-test-example,
# reconstructed in /work/ext/cpt-example, see bench/cpt-example/README.md) in CPT REMOTE mode
# against this repository's standalone engine, then prints the result of each test class.
#
#   bench/cpt-example/run.sh [project-dir] [extra mvn args...]
#
# The project is built with its own pom (Maven offline first, Maven Central otherwise); it is never
# copied into this repository. The engine listens on 127.0.0.1 only, on ports that the engine test
# suites do not use (CPT_GRPC_PORT, CPT_REST_PORT, CPT_MANAGEMENT_PORT to change them), with random
# credentials for this run; its management API (clock, purge) is served without credentials because
# CPT's management client sends none.
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
project="${1:-/work/ext/cpt-example}"
shift || true
grpc_port="${CPT_GRPC_PORT:-36500}"
rest_port="${CPT_REST_PORT:-38080}"
management_port="${CPT_MANAGEMENT_PORT:-39600}"
out="${CPT_OUT:-$repo/bench/target/cpt-example}"

[ -f "$project/pom.xml" ] || { echo "Expected a Maven project in $project (no pom.xml)" >&2; exit 2; }
mkdir -p "$out"

echo "== building the engine"
(cd "$repo" && ./mvnw -q -B -o -pl engine -Dspotless.check.skip=true compile \
  dependency:build-classpath -Dmdep.outputFile="$out/engine.classpath" -Dmdep.includeScope=runtime)

password="$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
echo "== starting the engine (gRPC $grpc_port, REST $rest_port, management $management_port)"
java -cp "$repo/engine/target/classes:$(cat "$out/engine.classpath")" \
  -Dengine.grpc-port="$grpc_port" -Dengine.rest-port="$rest_port" \
  -Dengine.management-port="$management_port" -Dengine.management-enabled=true \
  -Dengine.management-without-credentials=true \
  -Dengine.username=demo -Dengine.password="$password" \
  fr.secondevie.engine.StandaloneEngine > "$out/engine.log" 2>&1 &
engine_pid=$!
trap 'kill "$engine_pid" 2>/dev/null || true; wait "$engine_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  grep -q "engine ready" "$out/engine.log" && break
  kill -0 "$engine_pid" 2>/dev/null || { cat "$out/engine.log" >&2; exit 1; }
  sleep 1
done
grep "engine ready" "$out/engine.log"

# CPT 8.8.14 gives REMOTE self-managed clients no credentials of its own (remote.client.auth.* is
# for SaaS only); the Camunda client reads these from the environment.
export CAMUNDA_BASIC_AUTH_USERNAME=demo CAMUNDA_BASIC_AUTH_PASSWORD="$password"
# @CamundaProcessTest (JUnit extension, no Spring) reads camunda-container-runtime.properties.
mkdir -p "$out/runtime"
cat > "$out/runtime/camunda-container-runtime.properties" <<PROPS
runtimeMode=remote
remote.camundaMonitoringApiAddress=http://127.0.0.1:$management_port
remote.client.grpcAddress=http://127.0.0.1:$grpc_port
remote.client.restAddress=http://127.0.0.1:$rest_port
PROPS

echo "== running the tests of $project"
# offline first; Maven Central for what the local repository lacks
offline=-o
(cd "$project" && "$repo/mvnw" -q -B -o test-compile "$@" > "$out/resolve.log" 2>&1) || offline=
set +e
(cd "$project" && "$repo/mvnw" -B $offline clean test \
  -Dcamunda.process-test.runtime-mode=remote \
  -Dcamunda.process-test.remote.client.grpc-address="http://127.0.0.1:$grpc_port" \
  -Dcamunda.process-test.remote.client.rest-address="http://127.0.0.1:$rest_port" \
  -Dcamunda.process-test.remote.camunda-monitoring-api-address="http://127.0.0.1:$management_port" \
  -Dmaven.test.additionalClasspath="$out/runtime" \
  -Dmaven.test.failure.ignore=true "$@" > "$out/mvn.log" 2>&1)
rc=$?
set -e
echo "== results (surefire reports in $project/target/surefire-reports, Maven log $out/mvn.log)"
grep -h "Tests run:" "$project"/target/surefire-reports/*.txt 2>/dev/null || tail -40 "$out/mvn.log"
grep -E "Tests run: [0-9]+, Failures" "$out/mvn.log" | tail -1
exit $rc
