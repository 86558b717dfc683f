package org.clipfile.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.clipfile.problem.ProblemException;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a deep walk through results stands: an Elasticsearch point in time and the sort values of the last hit
 * returned, as an opaque URL-safe token. It holds no query: the client repeats the same parameters.
 */
public record Cursor(String pit, List<FieldValue> after) {

    public String encode() {
        List<Object> values = new ArrayList<>();
        for (FieldValue value : after) {
            values.add(value.isNull() ? null : value._get());
        }
        byte[] json = JsonMapper.shared().writeValueAsBytes(Map.of("pit", pit, "after", values));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
    }

    public static Cursor decode(String token) {
        try {
            JsonNode node = JsonMapper.shared().readTree(
                    new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            List<FieldValue> after = new ArrayList<>();
            for (JsonNode value : node.get("after")) {
                after.add(value.isNull() ? FieldValue.NULL
                        : value.isIntegralNumber() ? FieldValue.of(value.asLong())
                        : value.isNumber() ? FieldValue.of(value.asDouble())
                        : value.isBoolean() ? FieldValue.of(value.asBoolean())
                        : FieldValue.of(value.asString()));
            }
            return new Cursor(node.get("pit").asString(), after);
        } catch (IllegalArgumentException | JacksonException | NullPointerException e) {
            throw new InvalidCursorException("The cursor is not one this server issued; start again with cursor=");
        }
    }

    /** A cursor token that cannot be read. */
    public static class InvalidCursorException extends ProblemException {
        public InvalidCursorException(String message) {
            super(HttpStatus.BAD_REQUEST, "invalid-cursor", "Invalid cursor", message);
        }
    }
}
