package io.newswatch.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to a Confluent-compatible schema registry (Confluent, Karapace, Redpanda, Apicurio ccompat,
 * or our own {@code SchemaRegistryServer}) over its REST API.
 *
 * <p>Several base URLs may be given: a request goes to the URL that last answered and moves on to the
 * next one only when no HTTP response arrives at all (connection refused, timeout). An HTTP error is
 * the registry's answer and is not retried elsewhere, so a 404 or 409 is never masked by failover.
 *
 * <p>Thread-safe. No caching: wrap in {@link CachedSchemaRegistryClient} for serdes.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    /** What Confluent's own Java client asks for; any registry version answers one of these. */
    static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR_BODY = 500;

    private final List<String> baseUrls;
    private final String authorization;
    private final Duration requestTimeout;
    private final HttpClient http;
    /** Index of the base URL that answered last; sticky so a dead first URL costs one timeout, not one per request. */
    private final AtomicInteger preferred = new AtomicInteger();

    private RestSchemaRegistryClient(Builder builder) {
        this.baseUrls = RegistryUrls.parse(builder.urls);
        this.authorization = builder.userInfo == null
                ? null
                : "Basic " + Base64.getEncoder().encodeToString(builder.userInfo.getBytes(StandardCharsets.UTF_8));
        this.requestTimeout = builder.requestTimeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(builder.connectTimeout)
                // The JDK client would otherwise offer an h2c upgrade that plain HTTP/1.1 registries ignore at best.
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** @param urls one or more comma-separated base URLs, e.g. {@code http://sr1:8081,http://sr2:8081} */
    public static Builder builder(String urls) {
        return new Builder(urls);
    }

    /** The base URLs in failover order, without credentials. */
    public List<String> baseUrls() {
        return baseUrls;
    }

    @Override
    public int register(String subject, Schema schema) {
        JsonNode response = call("POST", "/subjects/" + RegistryUrls.pathSegment(subject) + "/versions", schemaBody(schema));
        return requiredInt(response, "id");
    }

    @Override
    public Schema getById(int id) {
        JsonNode response = call("GET", "/schemas/ids/" + id, null);
        return parseSchema(response, "schema id " + id);
    }

    @Override
    public RegisteredSchema getLatest(String subject) {
        JsonNode response = call("GET", "/subjects/" + RegistryUrls.pathSegment(subject) + "/versions/latest", null);
        return registered(response, subject);
    }

    @Override
    public int getId(String subject, Schema schema) {
        JsonNode response = call("POST", "/subjects/" + RegistryUrls.pathSegment(subject), schemaBody(schema));
        return requiredInt(response, "id");
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        try {
            JsonNode response = call(
                    "POST", "/compatibility/subjects/" + RegistryUrls.pathSegment(subject) + "/versions/latest", schemaBody(schema));
            JsonNode value = response.get("is_compatible");
            if (value == null || !value.isBoolean()) {
                throw unexpected("is_compatible", response);
            }
            return value.booleanValue();
        } catch (SchemaRegistryException e) {
            // Older registries answer 404 instead of "compatible" when there is nothing to be compatible with.
            if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND
                    || e.errorCode() == SchemaRegistryException.VERSION_NOT_FOUND) {
                return true;
            }
            throw e;
        }
    }

    @Override
    public List<String> subjects() {
        JsonNode response = call("GET", "/subjects", null);
        if (!response.isArray()) {
            throw unexpected("a JSON array", response);
        }
        List<String> subjects = new ArrayList<>(response.size());
        response.forEach(node -> subjects.add(node.asText()));
        return subjects;
    }

    @Override
    public void close() {
        // Java 17's HttpClient has no close(); its threads end once it is unreachable.
    }

    @Override
    public String toString() {
        return "RestSchemaRegistryClient" + baseUrls;
    }

    private static String schemaBody(Schema schema) {
        ObjectNode body = JSON.createObjectNode();
        // No "schemaType": absent means AVRO everywhere, and older registries reject the field.
        body.put("schema", schema.toString());
        return body.toString();
    }

    private JsonNode call(String method, String path, String body) {
        HttpResponse<String> response = send(method, path, body);
        int status = response.statusCode();
        String text = response.body() == null ? "" : response.body();
        if (status / 100 != 2) {
            throw error(status, text);
        }
        try {
            return text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new SchemaRegistryException(status, status, "Unparseable response to " + method + " " + path + ": " + abbreviate(text), e);
        }
    }

    private HttpResponse<String> send(String method, String path, String body) {
        int first = preferred.get();
        IOException lastFailure = null;
        for (int attempt = 0; attempt < baseUrls.size(); attempt++) {
            int index = (first + attempt) % baseUrls.size();
            HttpRequest request = request(method, baseUrls.get(index) + path, body);
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                preferred.set(index);
                return response;
            } catch (IOException e) {
                lastFailure = e;
                if (attempt < baseUrls.size() - 1) {
                    log.warn("Schema registry {} unreachable ({}), trying the next URL", baseUrls.get(index), describe(e));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE, SchemaRegistryException.NO_RESPONSE,
                        "Interrupted while calling the schema registry", e);
            }
        }
        throw new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE, SchemaRegistryException.NO_RESPONSE,
                "No schema registry reachable at " + baseUrls + " for " + method + " " + path + ": " + describe(lastFailure),
                lastFailure);
    }

    private HttpRequest request(String method, String url, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(requestTimeout)
                .header("Accept", ACCEPT);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", CONTENT_TYPE)
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    /** Maps an error response to an exception, keeping Confluent's {@code error_code} when there is one. */
    private static SchemaRegistryException error(int status, String body) {
        try {
            JsonNode node = body.isBlank() ? null : JSON.readTree(body);
            if (node != null && node.isObject() && node.has("error_code")) {
                String message = node.path("message").asText("");
                return new SchemaRegistryException(status, node.get("error_code").asInt(status), message);
            }
        } catch (IOException notJson) {
            // Proxies and load balancers answer with HTML; fall through and show it.
        }
        String message = body.isBlank() ? "HTTP " + status + " with an empty body" : abbreviate(body.strip());
        return new SchemaRegistryException(status, status, message);
    }

    private static RegisteredSchema registered(JsonNode response, String subject) {
        Schema schema = parseSchema(response, "subject " + subject);
        String actualSubject = response.path("subject").asText(subject);
        return new RegisteredSchema(actualSubject, requiredInt(response, "version"), requiredInt(response, "id"), schema);
    }

    private static Schema parseSchema(JsonNode response, String what) {
        String type = response.path("schemaType").asText("AVRO");
        if (!"AVRO".equalsIgnoreCase(type)) {
            throw new SchemaRegistryException(200, SchemaRegistryException.INVALID_SCHEMA,
                    "The registry's schema for " + what + " is " + type + ", not AVRO");
        }
        JsonNode text = response.get("schema");
        if (text == null || !text.isTextual()) {
            throw unexpected("a \"schema\" string", response);
        }
        try {
            // A fresh parser per schema: a Parser remembers names and rejects a second definition.
            return new Schema.Parser().parse(text.asText());
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException(200, SchemaRegistryException.INVALID_SCHEMA,
                    "The registry returned a schema for " + what + " that Avro cannot parse: " + e.getMessage(), e);
        }
    }

    private static int requiredInt(JsonNode response, String field) {
        JsonNode value = response.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw unexpected("an integer \"" + field + "\"", response);
        }
        return value.intValue();
    }

    private static SchemaRegistryException unexpected(String expected, JsonNode response) {
        return new SchemaRegistryException(200, 200,
                "Unexpected registry response, expected " + expected + ": " + abbreviate(String.valueOf(response)));
    }

    private static String describe(IOException e) {
        if (e == null) {
            return "no URL tried";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_ERROR_BODY ? text : text.substring(0, MAX_ERROR_BODY) + "...";
    }

    /** Options for {@link RestSchemaRegistryClient}. */
    public static final class Builder {
        private final String urls;
        private String userInfo;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;

        private Builder(String urls) {
            this.urls = Objects.requireNonNull(urls, "urls");
        }

        /** HTTP basic auth credentials as {@code user:password}; null for none. */
        public Builder userInfo(String userInfo) {
            if (userInfo != null && !userInfo.contains(":")) {
                throw new IllegalArgumentException("Basic auth user info must be 'user:password'");
            }
            this.userInfo = userInfo;
            return this;
        }

        /** How long to wait for a TCP connection per URL before failing over. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = requirePositive(timeout, "connectTimeout");
            return this;
        }

        /** How long to wait for a response per URL before failing over. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = requirePositive(timeout, "requestTimeout");
            return this;
        }

        public RestSchemaRegistryClient build() {
            return new RestSchemaRegistryClient(this);
        }

        private static Duration requirePositive(Duration value, String name) {
            if (value == null || value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }
    }
}
