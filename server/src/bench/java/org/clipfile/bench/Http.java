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
    private final java.net.CookieManager cookies = new java.net.CookieManager();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .cookieHandler(cookies).build();
    /** Where Clipfile listens and the API key sent to it (not to Elasticsearch); null until minted. */
    private volatile String server;
    private volatile String apiKey;

    record Response(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    HttpClient client() {
        return client;
    }

    /**
     * Logs in to Clipfile as {@code username} (the session flow of the web page: a GET for the XSRF-TOKEN cookie,
     * then the login with it) and makes an API key of the role, sent from then on with every request to it.
     */
    void mintApiKey(String serverUri, String username, String password, String role) throws IOException {
        get(serverUri + "/api/session");
        ok(send(withXsrf(HttpRequest.newBuilder(URI.create(serverUri + "/api/session"))).timeout(
                Duration.ofMinutes(1)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                        .ofString("{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}"))
                .build()), "login");
        Response key = ok(send(withXsrf(HttpRequest.newBuilder(URI.create(serverUri + "/api/keys"))).timeout(
                Duration.ofMinutes(1)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                        .ofString("{\"name\": \"benchmark\", \"role\": \"" + role + "\"}")).build()), "key");
        cookies.getCookieStore().removeAll();
        this.server = serverUri;
        this.apiKey = key.json().get("key").asString();
    }

    /** The key minted for the run, for drivers that build their own requests. */
    String apiKeyForLoad() {
        return apiKey;
    }

    private HttpRequest.Builder withXsrf(HttpRequest.Builder builder) {
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
                .ifPresent(c -> builder.header("X-XSRF-TOKEN", c.getValue()));
        return builder;
    }

    /** A request builder that carries the API key when it goes to Clipfile. */
    HttpRequest.Builder request(String uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri));
        String key = apiKey;
        if (key != null && server != null && uri.startsWith(server)) {
            builder.header("Authorization", "ApiKey " + key);
        }
        return builder;
    }

    Response get(String uri) throws IOException {
        return send(request(uri).timeout(Duration.ofMinutes(5)).GET().build());
    }

    Response delete(String uri) throws IOException {
        return send(request(uri).timeout(Duration.ofMinutes(5)).DELETE().build());
    }

    Response post(String uri, String contentType, byte[] body) throws IOException {
        return send(request(uri).timeout(Duration.ofMinutes(10))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    Response postJson(String uri, String json) throws IOException {
        return post(uri, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Response put(String uri, String json) throws IOException {
        return send(request(uri).timeout(Duration.ofMinutes(5))
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
