# Soiree server image. One image for every role: SOIREE_ROLES picks what a container runs.
# The console is built in Vaadin production mode from Vaadin's prebuilt bundle (no Node needed).
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY shared-api shared-api
COPY command-side command-side
COPY query-side query-side
COPY admin-console admin-console
COPY server server
RUN ./mvnw -B -Pproduction -pl server -am package -DskipTests

FROM eclipse-temurin:21-jre
RUN useradd --system --home /app soiree && mkdir -p /data && chown soiree /data
WORKDIR /app
COPY --from=build /src/server/target/server-*.jar /app/soiree.jar
USER soiree
ENV SOIREE_DATA_DIR=/data \
    AXONIQ_UPDATE_CHECKER_DISABLED=true \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:G1PeriodicGCInterval=10000"
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=6 \
  CMD wget -qO- http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/soiree.jar"]
