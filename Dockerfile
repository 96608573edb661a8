# Soiree server image. One image for every role: SOIREE_ROLES picks what a container runs.
# The console is built in Vaadin production mode from Vaadin's prebuilt bundle (no Node needed).
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY shared-api shared-api
COPY object-store object-store
COPY command-side command-side
COPY query-side query-side
COPY admin-console admin-console
COPY server server
RUN ./mvnw -B -Pproduction -pl server -am package -DskipTests
# The jar extracted, and the JDK's AOT cache from one training run on the embedded defaults (profile aot-training: the
# server books, pays, reads and chats through its own API, then exits; a failed run fails the build): a start then finds
# its classes loaded and linked (30 s to healthy -> 19 s, docs/benchmarks.md) and the JIT compiler the training's method
# profiles. The cache belongs to this JDK, this class path and the object layout (compact object headers, JEP 519: smaller
# objects, less for the collector, docs/benchmarks.md), so all three stay as they are below.
RUN java -Djarmode=tools -jar server/target/server-*.jar extract --destination /app \
 && mv /app/server-*.jar /app/soiree.jar \
 && java -XX:+UseCompactObjectHeaders -XX:AOTCacheOutput=/app/soiree.aot -Daxoniq.update-checker.disabled=true \
         -jar /app/soiree.jar --spring.profiles.active=aot-training --server.port=0 --soiree.data-dir=/tmp/training \
 && rm -rf /tmp/training

FROM eclipse-temurin:25-jre
RUN useradd --system --home /app soiree && mkdir -p /data && chown soiree /data
WORKDIR /app
COPY --from=build /app /app
USER soiree
ENV SOIREE_DATA_DIR=/data \
    AXONIQ_UPDATE_CHECKER_DISABLED=true \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:G1PeriodicGCInterval=5000 -XX:+ExplicitGCInvokesConcurrent"
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=6 \
  CMD wget -qO- http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:+UseCompactObjectHeaders", "-XX:AOTCache=/app/soiree.aot", "-jar", "/app/soiree.jar"]
