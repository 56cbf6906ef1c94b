# Seconde Vie process application, for Camunda mode (see docker-compose.yml and README).
# Build context: the repository root.  docker build -t seconde-vie .

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY engine/pom.xml engine/pom.xml
COPY embedded/pom.xml embedded/pom.xml
COPY app/pom.xml app/pom.xml
# Dependencies first, for the layer cache.
RUN ./mvnw -B -q -pl app -am dependency:go-offline -DskipTests || true
# Sources, plus bpmn/ and forms/ when present (packaged by app/pom.xml under models/).
COPY . .
RUN ./mvnw -B -q -pl app -am package -DskipTests \
 && cp app/target/seconde-vie-app-*.jar /src/seconde-vie.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app secondevie \
 && mkdir -p /app/keys && chown 10001 /app/keys && chmod 700 /app/keys
WORKDIR /app
COPY --from=build /src/seconde-vie.jar /app/seconde-vie.jar
USER 10001
ENV SPRING_PROFILES_ACTIVE=camunda \
    TZ=UTC \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Duser.timezone=UTC"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/seconde-vie.jar"]
