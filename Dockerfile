# Builds the Clipfile server for docker-compose.yml. The image talks to an external Elasticsearch
# (SPRING_ELASTICSEARCH_URIS); the local-node distribution stays out of it.
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
COPY mappings mappings
COPY src src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:21-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /app clipfile
WORKDIR /app
COPY --from=build /src/target/clipfile.jar /app/clipfile.jar
USER clipfile
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/clipfile.jar"]
