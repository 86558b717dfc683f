package org.clipfile.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small blocking HTTP client for the driver's set-up and control calls (the query stage sends asynchronously). */
final class Http {
    static final JsonMapper JSON = JsonMapper.shared();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    HttpClient client() {
        return client;
    }

    Response get(String uri) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofMinutes(5)).GET().build());
    }

    Response delete(String uri) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofMinutes(5)).DELETE().build());
    }

    Response post(String uri, String contentType, byte[] body) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofMinutes(10))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    Response postJson(String uri, String json) throws IOException {
        return post(uri, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Response put(String uri, String json) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Fails unless 2xx. */
    static Response ok(Response response, String what) {
        if (response.status() / 100 != 2) {
            throw new IllegalStateException(what + " answered " + response.status() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        return response;
    }

    private Response send(HttpRequest request) throws IOException {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
