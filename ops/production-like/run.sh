#!/usr/bin/env bash
# The production-like run (issue 17, docs/production.md): on this one machine, without Docker,
# what a hospital runs on its servers, each part its own process bound to 127.0.0.1:
#   - MariaDB from Debian (mariadb-server, installed when missing), its own data directory;
#   - Keycloak from its distribution archive (Maven Central), production mode (kc.sh start), its
#     data in that MariaDB, the realm docker/keycloak/seconde-vie-realm.json imported;
#   - the standalone engine with credentials, standing for the Camunda 8.8 cluster;
#   - two replicas of the packaged application (app/target/*.jar), profile camunda;
# then the test that drives them (app's ProductionLikeIT, run by Maven), and stops everything
# whatever happens. Every password and secret is generated for this run and never written
# outside target/production-like (mode 700). Logs stay in target/production-like/logs.
#
# Needs: the packaged jar (./mvnw -DskipTests package), a JDK 17 (java), a JDK 21+ for Keycloak
# (KEYCLOAK_JAVA_HOME, default /usr/lib/jvm/temurin-25-jdk-amd64), curl, jq, unzip; installs
# mariadb-server and jq with apt-get when missing (as root).
# Options (environment): MVN_OFFLINE=-o to run Maven offline; PRODUCTION_LIKE_KEEP=1 to leave the
# parts running after the test (for diagnosis; stop them with the pids in run.properties).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"

KEYCLOAK_VERSION=26.4.7
KEYCLOAK_JAVA_HOME=${KEYCLOAK_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
WORK=$ROOT/target/production-like
LOGS=$WORK/logs
RUN_STARTED=$(date +%s%N)

log() { printf '[production-like %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
fail() { log "FAILED: $*"; exit 1; }
ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }
secret() { head -c 24 /dev/urandom | base64 | tr -d '/+=' ; }

# A free loopback port: a random one nobody answers on, different from the ones already taken.
TAKEN=" "
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 30000))
    case "$TAKEN" in *" $port "*) continue ;; esac
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      TAKEN="$TAKEN$port "
      echo "$port"
      return
    fi
  done
}

# Waits until the command succeeds, or the process is gone, or the time is out.
wait_for() {
  local what=$1 pid=$2 seconds=$3
  shift 3
  local until=$(($(date +%s) + seconds))
  until "$@" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || fail "$what exited during its start (see $LOGS)"
    [ "$(date +%s)" -lt "$until" ] || fail "$what not ready after ${seconds}s (see $LOGS)"
    sleep 1
  done
}

# ------------------------------------------------------------------------------ what it needs
APP_JAR=$(ls app/target/seconde-vie-app-*.jar 2>/dev/null | grep -v -- '-plain\|sources' | head -1 || true)
[ -n "$APP_JAR" ] || fail "no app/target/seconde-vie-app-*.jar: run ./mvnw -DskipTests package first"
[ -x "$KEYCLOAK_JAVA_HOME/bin/java" ] || fail "no JDK 21+ for Keycloak at $KEYCLOAK_JAVA_HOME (set KEYCLOAK_JAVA_HOME)"
missing=""
command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || missing="$missing mariadb-server"
command -v jq >/dev/null 2>&1 || missing="$missing jq"
if [ -n "$missing" ]; then
  command -v apt-get >/dev/null 2>&1 || fail "install:$missing"
  log "installing:$missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi
PATH=$PATH:/usr/sbin
MARIADB_VERSION=$(mariadbd --version | sed 's/.*Ver \([^ ]*\).*/\1/')

# Keycloak's archive from Maven Central, cached in ~/.m2 like every other artifact.
KC_ZIP=$HOME/.m2/repository/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip
if [ ! -f "$KC_ZIP" ]; then
  log "fetching Keycloak $KEYCLOAK_VERSION from Maven Central"
  ./mvnw -B -q dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip -Dtransitive=false
fi

# A fresh run directory, readable by its owner only (it holds this run's secrets).
rm -rf "$WORK"
mkdir -p "$LOGS"
chmod 700 "$WORK"

# ------------------------------------------------------------------------ stop everything at exit
PIDS=()
stop_all() {
  local rc=$?
  trap - EXIT INT TERM
  if [ "${PRODUCTION_LIKE_KEEP:-}" = 1 ]; then
    log "left running (PRODUCTION_LIKE_KEEP=1): ${PIDS[*]}"
    exit $rc
  fi
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  log "stopped every part; logs in $LOGS; total $(ms_since "$RUN_STARTED") ms"
  exit $rc
}
trap stop_all EXIT
trap 'exit 130' INT TERM

declare -A START_MS

# -------------------------------------------------------------------------------------- MariaDB
DB_PORT=$(free_port)
DB_ROOT_PASSWORD=$(secret)
DB_APP_PASSWORD=$(secret)
DB_KEYCLOAK_PASSWORD=$(secret)
DB_DIR=$WORK/mariadb
mkdir -p "$DB_DIR/data"
log "MariaDB $MARIADB_VERSION: data directory $DB_DIR/data, port $DB_PORT"
t=$(date +%s%N)
mariadb-install-db --no-defaults --user="$(id -un)" --datadir="$DB_DIR/data" \
  --auth-root-authentication-method=normal --skip-test-db >"$LOGS/mariadb-install-db.log" 2>&1 \
  || fail "mariadb-install-db (see $LOGS/mariadb-install-db.log)"
mariadbd --no-defaults --user="$(id -un)" --datadir="$DB_DIR/data" --port="$DB_PORT" \
  --bind-address=127.0.0.1 --socket="$DB_DIR/mariadb.sock" --pid-file="$DB_DIR/mariadb.pid" \
  --log-error="$LOGS/mariadb.log" --character-set-server=utf8mb4 \
  --collation-server=utf8mb4_unicode_ci --max-connections=300 &
PIDS+=($!)
DB_PID=$!
wait_for MariaDB "$DB_PID" 60 mariadb --no-defaults --socket="$DB_DIR/mariadb.sock" -uroot -e 'select 1'
mariadb --no-defaults --socket="$DB_DIR/mariadb.sock" -uroot <<SQL
ALTER USER 'root'@'localhost' IDENTIFIED BY '$DB_ROOT_PASSWORD';
CREATE DATABASE secondevie CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE keycloak CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER 'secondevie'@'127.0.0.1' IDENTIFIED BY '$DB_APP_PASSWORD';
GRANT ALL PRIVILEGES ON secondevie.* TO 'secondevie'@'127.0.0.1';
CREATE USER 'keycloak'@'127.0.0.1' IDENTIFIED BY '$DB_KEYCLOAK_PASSWORD';
GRANT ALL PRIVILEGES ON keycloak.* TO 'keycloak'@'127.0.0.1';
SQL
START_MS[mariadb]=$(ms_since "$t")
log "MariaDB ready in ${START_MS[mariadb]} ms (pid $DB_PID)"

# ------------------------------------------------------------------------------------- Keycloak
KC_PORT=$(free_port)
KC_MANAGEMENT_PORT=$(free_port)
KC_URL=http://127.0.0.1:$KC_PORT
KC_ADMIN_PASSWORD=$(secret)
REPLICA_A_PORT=$(free_port)
REPLICA_B_PORT=$(free_port)
REPLICA_A=http://127.0.0.1:$REPLICA_A_PORT
REPLICA_B=http://127.0.0.1:$REPLICA_B_PORT
OIDC_SECRET=$(secret)
GLPI_SYNC_SECRET=$(secret)
WIPE_STATION_SECRET=$(secret)
WORKSHOP_SECRET=$(secret)
USERS_PASSWORD=$(secret)
KC_HOME=$WORK/keycloak-$KEYCLOAK_VERSION
unzip -q "$KC_ZIP" -d "$WORK"
mkdir -p "$KC_HOME/data/import"
cp docker/keycloak/seconde-vie-realm.json "$KC_HOME/data/import/"
log "Keycloak $KEYCLOAK_VERSION (production mode, JDK $(env -u JAVA_TOOL_OPTIONS "$KEYCLOAK_JAVA_HOME/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2)): $KC_URL"
export JAVA_OPTS_APPEND="--add-opens=java.base/java.lang=ALL-UNNAMED"
# The build options (database kind, health endpoints) are fixed once, as on a server
# after an upgrade; the start then runs the optimized server.
t=$(date +%s%N)
(
  export JAVA_HOME=$KEYCLOAK_JAVA_HOME
  unset JAVA_TOOL_OPTIONS
  exec "$KC_HOME/bin/kc.sh" build --db=mariadb --health-enabled=true
) >"$LOGS/keycloak-build.log" 2>&1 || fail "kc.sh build (see $LOGS/keycloak-build.log)"
START_MS[keycloak-build]=$(ms_since "$t")
log "Keycloak built in ${START_MS[keycloak-build]} ms (once per installation or upgrade)"
t=$(date +%s%N)
# The realm file's ${...} placeholders come from this environment (never from the file).
(
  export JAVA_HOME=$KEYCLOAK_JAVA_HOME
  unset JAVA_TOOL_OPTIONS
  export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=$KC_ADMIN_PASSWORD
  export KC_DB_PASSWORD=$DB_KEYCLOAK_PASSWORD
  export SECONDEVIE_BASE_URL=$REPLICA_A CAMUNDA_BASE_URL=http://127.0.0.1:1
  export SECONDEVIE_OIDC_CLIENT_SECRET=$OIDC_SECRET CAMUNDA_OIDC_CLIENT_SECRET=$(secret)
  export SECONDEVIE_CAMUNDA_CLIENT_SECRET=$(secret) SECONDEVIE_GLPI_SYNC_SECRET=$GLPI_SYNC_SECRET
  export SECONDEVIE_WIPE_STATION_SECRET=$WIPE_STATION_SECRET SECONDEVIE_WORKSHOP_SECRET=$WORKSHOP_SECRET
  export SECONDEVIE_DEMO_USERS_PASSWORD=$USERS_PASSWORD
  exec "$KC_HOME/bin/kc.sh" start --optimized --import-realm \
    --db-url="jdbc:mariadb://127.0.0.1:$DB_PORT/keycloak" --db-username=keycloak \
    --http-enabled=true --http-host=127.0.0.1 --http-port="$KC_PORT" \
    --http-management-port="$KC_MANAGEMENT_PORT" --hostname="$KC_URL" --cache=local
) >"$LOGS/keycloak.log" 2>&1 &
PIDS+=($!)
KC_PID=$!
wait_for Keycloak "$KC_PID" 300 curl -fsS "http://127.0.0.1:$KC_MANAGEMENT_PORT/health/ready"
START_MS[keycloak]=$(ms_since "$t")
log "Keycloak ready in ${START_MS[keycloak]} ms (pid $KC_PID; first start: schema, realm import)"

# The realm has one application address (SECONDEVIE_BASE_URL); here each replica has its own:
# both are registered on the app's client through the admin REST API.
ADMIN_TOKEN=$(curl -fsS -d grant_type=password -d client_id=admin-cli -d username=admin \
  --data-urlencode "password=$KC_ADMIN_PASSWORD" \
  "$KC_URL/realms/master/protocol/openid-connect/token" | jq -r .access_token)
CLIENTS=$KC_URL/admin/realms/seconde-vie/clients
CLIENT_ID=$(curl -fsS -H "Authorization: Bearer $ADMIN_TOKEN" "$CLIENTS?clientId=seconde-vie" | jq -r '.[0].id')
curl -fsS -H "Authorization: Bearer $ADMIN_TOKEN" "$CLIENTS/$CLIENT_ID" \
  | jq --arg a "$REPLICA_A" --arg b "$REPLICA_B" '
      .redirectUris = [$a + "/login/oauth2/code/chu", $b + "/login/oauth2/code/chu"]
      | .webOrigins = [$a, $b]
      | .attributes["post.logout.redirect.uris"] = ($a + "/login?logout##" + $b + "/login?logout")' \
  | curl -fsS -X PUT -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
      --data-binary @- "$CLIENTS/$CLIENT_ID"

# ------------------------------------------------------------------------------------- the engine
ENGINE_GRPC_PORT=$(free_port)
ENGINE_REST_PORT=$(free_port)
ENGINE_MANAGEMENT_PORT=$(free_port)
ENGINE_PASSWORD=$(secret)
mkdir -p "$WORK/engine"
cat >"$WORK/engine/logback.xml" <<'XML'
<configuration>
  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
  </appender>
  <root level="INFO"><appender-ref ref="out"/></root>
</configuration>
XML
log "engine (the cluster): gRPC $ENGINE_GRPC_PORT, REST $ENGINE_REST_PORT"
t=$(date +%s%N)
# Its classes are in the application jar: Spring Boot's PropertiesLauncher runs its main class.
java -Xmx512m -Dlogback.configurationFile="$WORK/engine/logback.xml" \
  -Dloader.main=fr.secondevie.engine.StandaloneEngine \
  -Dengine.grpc-port="$ENGINE_GRPC_PORT" -Dengine.rest-port="$ENGINE_REST_PORT" \
  -Dengine.management-port="$ENGINE_MANAGEMENT_PORT" -Dengine.data-dir="$WORK/engine/data" \
  -Dengine.username=secondevie -Dengine.password="$ENGINE_PASSWORD" \
  -cp "$APP_JAR" org.springframework.boot.loader.launch.PropertiesLauncher \
  >"$LOGS/engine.log" 2>&1 &
PIDS+=($!)
ENGINE_PID=$!
wait_for engine "$ENGINE_PID" 120 grep -q "Seconde Vie engine ready" "$LOGS/engine.log"
START_MS[engine]=$(ms_since "$t")
log "engine ready in ${START_MS[engine]} ms (pid $ENGINE_PID)"

# ------------------------------------------------------------------------------ the two replicas
CUSTODY_KEY=$(head -c 32 /dev/urandom | base64)
start_replica() {
  local name=$1 port=$2
  (
    export SPRING_PROFILES_ACTIVE=camunda
    export SERVER_ADDRESS=127.0.0.1 SERVER_PORT=$port SECONDEVIE_REPLICAID=$name
    export SPRING_DATASOURCE_URL="jdbc:mariadb://127.0.0.1:$DB_PORT/secondevie"
    export SPRING_DATASOURCE_USERNAME=secondevie SPRING_DATASOURCE_PASSWORD=$DB_APP_PASSWORD
    export CAMUNDA_CLIENT_GRPCADDRESS=http://127.0.0.1:$ENGINE_GRPC_PORT
    export CAMUNDA_CLIENT_RESTADDRESS=http://127.0.0.1:$ENGINE_REST_PORT
    export CAMUNDA_CLIENT_AUTH_METHOD=basic CAMUNDA_CLIENT_AUTH_USERNAME=secondevie
    export CAMUNDA_CLIENT_AUTH_PASSWORD=$ENGINE_PASSWORD
    # jobs of a replica that dies come back to the other after this time
    export CAMUNDA_CLIENT_WORKER_DEFAULTS_TIMEOUT=PT30S
    # the engine records which replica's workers took each job (the test checks both did)
    export CAMUNDA_CLIENT_WORKER_DEFAULTS_NAME=$name
    export SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CHU_PROVIDER=chu
    export SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CHU_CLIENTNAME="Compte du CHU"
    export SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CHU_CLIENTID=seconde-vie
    export SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CHU_CLIENTSECRET=$OIDC_SECRET
    export SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CHU_SCOPE=openid,profile,email
    export SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CHU_AUTHORIZATIONGRANTTYPE=authorization_code
    export SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CHU_REDIRECTURI="{baseUrl}/login/oauth2/code/{registrationId}"
    export SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_CHU_ISSUERURI=$KC_URL/realms/seconde-vie
    export SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_CHU_USERNAMEATTRIBUTE=preferred_username
    export SECONDEVIE_SECURITY_OIDC_ROLESCLAIM=roles
    export SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI=$KC_URL/realms/seconde-vie
    export SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI=$KC_URL/realms/seconde-vie/protocol/openid-connect/certs
    export SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES=seconde-vie-api
    export SECONDEVIE_CUSTODY_KEY=$CUSTODY_KEY
    export SECONDEVIE_NOTIFICATION_APPURL=$REPLICA_A SECONDEVIE_SUPPLIERS_PORTALBASEURL=$REPLICA_A
    exec java -Xmx768m -Djava.io.tmpdir="$WORK/$name-tmp" -jar "$APP_JAR"
  ) >"$LOGS/$name.log" 2>&1 &
}
mkdir -p "$WORK/replica-a-tmp" "$WORK/replica-b-tmp"
log "replicas: $REPLICA_A and $REPLICA_B, started together (one Flyway migration between them)"
t=$(date +%s%N)
start_replica replica-a "$REPLICA_A_PORT"
PIDS+=($!)
REPLICA_A_PID=$!
start_replica replica-b "$REPLICA_B_PORT"
PIDS+=($!)
REPLICA_B_PID=$!
for r in a b; do
  pid_var=REPLICA_${r^^}_PID
  url_var=REPLICA_${r^^}
  wait_for "replica $r" "${!pid_var}" 300 curl -fsS "${!url_var}/actuator/health"
  START_MS[replica-$r]=$(ms_since "$t")
  log "replica $r ready in ${START_MS[replica-$r]} ms (pid ${!pid_var})"
done

# ------------------------------------------------------------------------------------- the test
umask 077
cat >"$WORK/run.properties" <<PROPS
replica.a=$REPLICA_A
replica.b=$REPLICA_B
replica.a.pid=$REPLICA_A_PID
replica.b.pid=$REPLICA_B_PID
replica.a.log=$LOGS/replica-a.log
replica.b.log=$LOGS/replica-b.log
keycloak.url=$KC_URL
keycloak.realm=seconde-vie
users.password=$USERS_PASSWORD
client.seconde-vie-glpi-sync=$GLPI_SYNC_SECRET
client.seconde-vie-wipe-station=$WIPE_STATION_SECRET
client.seconde-vie-workshop=$WORKSHOP_SECRET
engine.rest=http://127.0.0.1:$ENGINE_REST_PORT
engine.username=secondevie
engine.password=$ENGINE_PASSWORD
db.url=jdbc:mariadb://127.0.0.1:$DB_PORT/secondevie
db.username=secondevie
db.password=$DB_APP_PASSWORD
PROPS
umask 022
log "start times (ms): MariaDB ${START_MS[mariadb]}, Keycloak ${START_MS[keycloak]} (+ build ${START_MS[keycloak-build]}), engine ${START_MS[engine]}, replica A ${START_MS[replica-a]}, replica B ${START_MS[replica-b]} (both started together)"
t=$(date +%s%N)
REPORT=app/target/failsafe-reports/TEST-fr.secondevie.productionlike.ProductionLikeIT.xml
rm -f "$REPORT"
# -am with the test-compile phase: the other modules come from this checkout's build
# (target/classes, nothing to compile again), not from ~/.m2, which may hold none of them (Maven
# resolves a reactor module to its classes only when a phase up to compile ran in the same build;
# plugin goals alone look in ~/.m2). No phase past test-compile: no unit test runs again, and the
# jar the replicas are running from is not rewritten.
./mvnw -B ${MVN_OFFLINE:-} -pl app -am -Dproduction-like.config="$WORK/run.properties" \
  -Dit.test=ProductionLikeIT -Dfailsafe.failIfNoSpecifiedTests=false \
  test-compile failsafe:integration-test failsafe:verify 2>&1 | tee "$LOGS/test.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || fail "ProductionLikeIT failed (see $LOGS/test.log, app/target/failsafe-reports)"
# The test must have run, all of it: a report with tests and neither failure, error nor skip.
[ -f "$REPORT" ] || fail "ProductionLikeIT did not run (no $REPORT)"
grep -q '<testsuite[^>]* tests="[1-9]' "$REPORT" || fail "ProductionLikeIT ran no test"
grep -q '<testsuite[^>]* skipped="0"' "$REPORT" || fail "ProductionLikeIT skipped tests"
grep -q '<testsuite[^>]* failures="0"' "$REPORT" || fail "ProductionLikeIT has failures"
grep -q '<testsuite[^>]* errors="0"' "$REPORT" || fail "ProductionLikeIT has errors"
log "ProductionLikeIT passed in $(ms_since "$t") ms"
log "start times (ms): MariaDB ${START_MS[mariadb]}, Keycloak ${START_MS[keycloak]} (+ build ${START_MS[keycloak-build]}), engine ${START_MS[engine]}, replica A ${START_MS[replica-a]}, replica B ${START_MS[replica-b]}"
