package kz.nobd.testing.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.nobd.contracts.events.TopicCodec;

/**
 * JSON over HTTP to the NOBD services as a school system calls them: a bearer token from the supplier on every
 * request (it may renew it), JSON bodies written with the topic codecs' configuration, and a 503 retried after its
 * {@code Retry-After} (the services' answer when a dependency is down or a queue is full: nothing was accepted, so
 * sending the same request again is safe) up to a limit.
 */
final class ApiClient {
    static final ObjectMapper JSON = TopicCodec.mapper();
    private static final int ATTEMPTS_ON_503 = 30;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Supplier<String> token;

    ApiClient(Supplier<String> token) {
        this.token = token;
    }

    /** An answer: its status and its body as JSON (null when empty or not JSON). */
    record Answer(int status, JsonNode body, String text) {
        boolean is(int expected) {
            return status == expected;
        }

        /** The body, or an exception naming what was asked and what came back. */
        JsonNode expect(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + ": HTTP " + status + " (expected " + expected + ") " + text);
            }
            return body;
        }
    }

    Answer get(String url) {
        return send(request(url).GET());
    }

    Answer post(String url, Object body) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)));
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Accept", "application/json");
    }

    private Answer send(HttpRequest.Builder builder) {
        for (int attempt = 1; ; attempt++) {
            HttpRequest request = builder.setHeader("Authorization", "Bearer " + token.get()).build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
            }
            if (response.statusCode() != 503 || attempt == ATTEMPTS_ON_503) {
                return new Answer(response.statusCode(), parse(response.body()), response.body());
            }
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            pause(Duration.ofSeconds(Math.max(1, Math.min(seconds, 30))));
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    /** Waits as the service asked (Retry-After of a 503) before the same request again. */
    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
