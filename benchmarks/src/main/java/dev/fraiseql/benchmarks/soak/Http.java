package dev.fraiseql.benchmarks.soak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Plain GraphQL-over-HTTP calls and the reading of their answers, for the phases that look at each answer. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One answer: HTTP status, body (or the exception's text when there was no answer) and time taken. */
    record Answer(int status, String body, long nanos, String failure) {

        boolean isData() {
            return status == 200 && body.startsWith("{\"data\":") && !body.contains("\"errors\"");
        }

        /** The first error's {@code extensions.code}, or null when there is none. */
        @SuppressWarnings("unchecked")
        String errorCode() {
            if (body.isEmpty() || body.charAt(0) != '{') {
                return null;
            }
            try {
                Object errors = JSON.readValue(body, Map.class).get("errors");
                if (errors instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first
                        && first.get("extensions") instanceof Map<?, ?> ext && ext.get("code") != null) {
                    return ext.get("code").toString();
                }
            } catch (RuntimeException e) {
                return null;
            }
            return null;
        }

        /** The first error's message, or a description of the answer when there is none. */
        @SuppressWarnings("unchecked")
        String errorMessage() {
            try {
                Object errors = JSON.readValue(body, Map.class).get("errors");
                if (errors instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
                    return String.valueOf(first.get("message"));
                }
            } catch (RuntimeException e) {
                // not JSON: describe the answer instead
            }
            return describe();
        }

        double millis() {
            return nanos / 1e6;
        }

        String describe() {
            String what = failure != null ? failure : "HTTP " + status + " " + abbreviate(body, 300);
            return what.replace('\n', ' ').replace('|', '/');
        }
    }

    private Http() {
    }

    static HttpRequest request(String url, String body, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** Sends and waits; a transport failure becomes an answer with status 0 instead of an exception. */
    static Answer post(HttpClient client, String url, String body, Duration timeout) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = client.send(request(url, body, timeout), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), System.nanoTime() - start, null);
        } catch (IOException e) {
            return new Answer(0, "", System.nanoTime() - start, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "", System.nanoTime() - start, "interrupted");
        }
    }

    static String body(String query, Map<String, Object> variables) {
        return JSON.writeValueAsString(variables.isEmpty() ? Map.of("query", query)
                : Map.of("query", query, "variables", variables));
    }

    static String abbreviate(String s, int max) {
        return s.length() > max ? s.substring(0, max) + "..." : s;
    }
}
