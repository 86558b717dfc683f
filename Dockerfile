# Builds the Clipfile server for docker-compose.yml. The image talks to an external Elasticsearch
# (SPRING_ELASTICSEARCH_URIS); the local-node distribution stays out of it.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY mvnw .
COPY .mvn .mvn
# The parent pom and the modules' poms first, so the dependency layer is rebuilt only when a pom changes.
COPY pom.xml .
COPY namekeys/pom.xml namekeys/
COPY plugins/pom.xml plugins/
COPY server/pom.xml server/
RUN ./mvnw -B -q dependency:go-offline || true
COPY mappings mappings
COPY namekeys namekeys
COPY plugins plugins
COPY server server
COPY LICENSE NOTICE ./
# Extracted without --launcher: application/clipfile.jar and dependencies/lib/*.jar, so `java -jar clipfile.jar`
# runs (with --launcher the layers hold the exploded jar and no clipfile.jar for the ENTRYPOINT below).
RUN ./mvnw -B -q -DskipTests package \
    && java -Djarmode=tools -jar target/clipfile.jar extract --layers --destination /layers

FROM eclipse-temurin:21-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && groupadd --system clipfile && useradd --system --gid clipfile --home-dir /app --no-create-home clipfile \
    && mkdir -p /app /var/lib/clipfile/spool && chown -R clipfile:clipfile /var/lib/clipfile \
    && chmod 0700 /var/lib/clipfile/spool
WORKDIR /app
# One layer per rate of change: libraries change least, the application's own classes most.
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER clipfile
ENV CLIPFILE_IMPORTS_SPOOL_DIR=/var/lib/clipfile/spool
VOLUME /var/lib/clipfile
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/clipfile.jar"]
