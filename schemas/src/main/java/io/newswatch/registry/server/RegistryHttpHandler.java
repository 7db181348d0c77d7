package io.newswatch.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps Confluent Schema Registry REST calls onto {@link SchemaRegistry}.
 *
 * <p>Deliberately lenient about what real clients send: unknown query parameters ({@code normalize},
 * {@code subject}, {@code deleted}), vendor content types on body-less GETs and any Accept header.
 * Unknown paths answer 404 (Confluent's JS client probes {@code /associations/...} and falls back to
 * the topic strategy only on 404) and known paths with the wrong method 405.
 */
final class RegistryHttpHandler implements HttpHandler {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(RegistryHttpHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaRegistry registry;
    private final byte[] expectedAuthorization;

    /** @param userInfo {@code user:password} to require HTTP basic auth, or null */
    RegistryHttpHandler(SchemaRegistry registry, String userInfo) {
        this.registry = registry;
        this.expectedAuthorization = userInfo == null ? null
                : ("Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)))
                        .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Response response;
            try {
                if (!authorized(exchange)) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"schema-registry\"");
                    throw new RegistryError(401, 401, "Unauthorized");
                }
                response = route(new Request(exchange));
            } catch (RegistryError e) {
                response = error(e);
            } catch (RuntimeException e) {
                log.error("Schema registry request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                response = error(new RegistryError(500, 50001, "Internal error: " + e));
            }
            send(exchange, response);
        }
    }

    private Response route(Request request) {
        List<String> path = request.path;
        String method = request.method;
        int n = path.size();
        if (n == 0) {
            allow(method, "GET");
            return json(200, JSON.createObjectNode());
        }
        switch (path.get(0)) {
            case "subjects":
                return subjects(request, path, method);
            case "schemas":
                return schemas(path, method);
            case "config":
                return config(request, path, method);
            case "compatibility":
                if (n >= 4 && n <= 5 && path.get(1).equals("subjects") && path.get(3).equals("versions")) {
                    allow(method, "POST");
                    String version = n == 5 ? path.get(4) : null;
                    List<String> problems = registry.testCompatibility(path.get(2), version, schemaText(request));
                    ObjectNode body = JSON.createObjectNode().put("is_compatible", problems.isEmpty());
                    if (Boolean.parseBoolean(request.query.get("verbose"))) {
                        ArrayNode messages = body.putArray("messages");
                        problems.forEach(messages::add);
                    }
                    return json(200, body);
                }
                throw RegistryError.notFound();
            default:
                throw RegistryError.notFound();
        }
    }

    private Response subjects(Request request, List<String> path, String method) {
        int n = path.size();
        if (n == 1) {
            allow(method, "GET");
            return json(200, strings(registry.subjects()));
        }
        String subject = path.get(1);
        if (n == 2) {
            allow(method, "POST", "DELETE");
            if (method.equals("DELETE")) {
                return json(200, integers(registry.deleteSubject(subject)));
            }
            return json(200, version(registry.lookup(subject, schemaText(request))));
        }
        if (!path.get(2).equals("versions") || n > 5) {
            throw RegistryError.notFound();
        }
        if (n == 3) {
            allow(method, "GET", "POST");
            if (method.equals("GET")) {
                return json(200, integers(registry.versions(subject)));
            }
            int id = registry.register(subject, schemaText(request));
            return json(200, JSON.createObjectNode().put("id", id));
        }
        if (n == 4) {
            allow(method, "GET");
            return json(200, version(registry.version(subject, path.get(3))));
        }
        if (path.get(4).equals("schema")) {
            allow(method, "GET");
            return raw(registry.version(subject, path.get(3)).schema());
        }
        throw RegistryError.notFound();
    }

    private Response schemas(List<String> path, String method) {
        int n = path.size();
        if (n == 2 && path.get(1).equals("types")) {
            allow(method, "GET");
            return json(200, strings(List.of("AVRO")));
        }
        if (n < 3 || n > 4 || !path.get(1).equals("ids")) {
            throw RegistryError.notFound();
        }
        allow(method, "GET");
        int id = parseId(path.get(2));
        SchemaRegistry.StoredSchema stored = registry.schema(id).orElseThrow(() -> RegistryError.schemaIdNotFound(id));
        if (n == 3) {
            return json(200, JSON.createObjectNode().put("schema", stored.text()));
        }
        switch (path.get(3)) {
            case "schema":
                return raw(stored.text());
            case "subjects": {
                List<String> subjects = new ArrayList<>();
                registry.usages(id).forEach(v -> {
                    if (!subjects.contains(v.subject())) {
                        subjects.add(v.subject());
                    }
                });
                return json(200, strings(subjects));
            }
            case "versions": {
                ArrayNode usages = JSON.createArrayNode();
                registry.usages(id).forEach(v -> usages.addObject().put("subject", v.subject()).put("version", v.version()));
                return json(200, usages);
            }
            default:
                throw RegistryError.notFound();
        }
    }

    private Response config(Request request, List<String> path, String method) {
        int n = path.size();
        if (n == 1) {
            allow(method, "GET", "PUT");
            if (method.equals("GET")) {
                return json(200, JSON.createObjectNode().put("compatibilityLevel", registry.globalLevel().name()));
            }
            CompatibilityLevel level = compatibility(request);
            registry.setLevel(null, level);
            return json(200, JSON.createObjectNode().put("compatibility", level.name()));
        }
        if (n != 2) {
            throw RegistryError.notFound();
        }
        String subject = path.get(1);
        allow(method, "GET", "PUT", "DELETE");
        switch (method) {
            case "GET": {
                boolean defaultToGlobal = Boolean.parseBoolean(request.query.get("defaultToGlobal"));
                CompatibilityLevel level = registry.subjectLevel(subject)
                        .or(() -> defaultToGlobal ? Optional.of(registry.globalLevel()) : Optional.empty())
                        .orElseThrow(() -> RegistryError.subjectLevelCompatibilityNotConfigured(subject));
                return json(200, JSON.createObjectNode().put("compatibilityLevel", level.name()));
            }
            case "PUT": {
                CompatibilityLevel level = compatibility(request);
                registry.setLevel(subject, level);
                return json(200, JSON.createObjectNode().put("compatibility", level.name()));
            }
            default: {
                CompatibilityLevel previous = registry.deleteSubjectLevel(subject);
                return json(200, JSON.createObjectNode().put("compatibilityLevel", previous.name()));
            }
        }
    }

    private static CompatibilityLevel compatibility(Request request) {
        JsonNode body = request.jsonBody();
        JsonNode value = body.get("compatibility");
        if (value == null || !value.isTextual()) {
            throw RegistryError.invalidCompatibilityLevel(value == null ? "" : value.toString());
        }
        return CompatibilityLevel.parse(value.asText()).orElseThrow(() -> RegistryError.invalidCompatibilityLevel(value.asText()));
    }

    /** The Avro schema text of a register, lookup or compatibility request. */
    private static String schemaText(Request request) {
        JsonNode body = request.jsonBody();
        JsonNode type = body.get("schemaType");
        if (type != null && !type.isNull() && !"AVRO".equalsIgnoreCase(type.asText())) {
            throw RegistryError.invalidSchema("Invalid schema: schemaType " + type.asText()
                    + " is not supported; this registry supports AVRO only");
        }
        JsonNode references = body.get("references");
        if (references != null && references.isArray() && references.size() > 0) {
            throw RegistryError.invalidSchema("Invalid schema: schema references are not supported");
        }
        JsonNode schema = body.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw RegistryError.invalidSchema("Invalid schema: the request has no \"schema\" string");
        }
        return schema.asText();
    }

    private static int parseId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw RegistryError.notFound();
        }
    }

    private static void allow(String method, String... allowed) {
        for (String candidate : allowed) {
            if (candidate.equals(method)) {
                return;
            }
        }
        throw RegistryError.methodNotAllowed();
    }

    private boolean authorized(HttpExchange exchange) {
        if (expectedAuthorization == null) {
            return true;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        // Constant-time comparison: do not leak how much of the credentials was right.
        return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), expectedAuthorization);
    }

    private static ObjectNode version(SchemaRegistry.VersionView version) {
        return JSON.createObjectNode()
                .put("subject", version.subject())
                .put("version", version.version())
                .put("id", version.id())
                .put("schema", version.schema());
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static ArrayNode integers(List<Integer> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static Response json(int status, JsonNode body) {
        return new Response(status, body.toString());
    }

    /** The {@code /schema} endpoints answer with the schema document itself, not wrapped in JSON. */
    private static Response raw(String schema) {
        return new Response(200, schema);
    }

    private static Response error(RegistryError e) {
        return json(e.status(), JSON.createObjectNode().put("error_code", e.errorCode()).put("message", e.getMessage()));
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private record Response(int status, String body) {}

    /** Method, decoded path segments, query parameters and (lazily) the JSON body of one exchange. */
    private static final class Request {
        final String method;
        final List<String> path = new ArrayList<>();
        final Map<String, String> query = new HashMap<>();
        private final HttpExchange exchange;

        Request(HttpExchange exchange) {
            this.exchange = exchange;
            this.method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            // Split the raw path before decoding, so a subject containing an encoded '/' stays one segment.
            String rawPath = exchange.getRequestURI().getRawPath();
            for (String segment : rawPath.split("/")) {
                if (!segment.isEmpty()) {
                    path.add(decode(segment));
                }
            }
            String rawQuery = exchange.getRequestURI().getRawQuery();
            if (rawQuery != null) {
                for (String pair : rawQuery.split("&")) {
                    int eq = pair.indexOf('=');
                    String key = eq < 0 ? pair : pair.substring(0, eq);
                    String value = eq < 0 ? "" : pair.substring(eq + 1);
                    try {
                        query.putIfAbsent(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException e) {
                        // A malformed parameter is ignored like any unknown one.
                    }
                }
            }
        }

        JsonNode jsonBody() {
            byte[] bytes;
            try (InputStream in = exchange.getRequestBody()) {
                bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            } catch (IOException e) {
                throw RegistryError.badRequest("Could not read the request body: " + e.getMessage());
            }
            if (bytes.length > MAX_BODY_BYTES) {
                throw new RegistryError(413, 413, "Request body larger than " + MAX_BODY_BYTES + " bytes");
            }
            try {
                JsonNode node = bytes.length == 0 ? null : JSON.readTree(bytes);
                if (node == null || !node.isObject()) {
                    throw RegistryError.badRequest("The request body must be a JSON object");
                }
                return node;
            } catch (JsonProcessingException e) {
                throw RegistryError.badRequest("Malformed JSON request body: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw RegistryError.badRequest("Could not read the request body: " + e.getMessage());
            }
        }

        private static String decode(String segment) {
            try {
                // In a path '+' is a literal plus, unlike in a form-encoded query.
                return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw RegistryError.badRequest("Malformed percent-encoding in path segment '" + segment + "'");
            }
        }
    }
}
