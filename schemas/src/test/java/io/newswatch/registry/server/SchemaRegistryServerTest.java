package io.newswatch.registry.server;

import static io.newswatch.registry.server.RawHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.registry.server.RawHttp.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SchemaRegistryServerTest {

    static final String V1 = "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"t\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
    /** V1 formatted differently: the same schema. */
    static final String V1_REFORMATTED = "{ \"namespace\": \"t\", \"name\": \"R\", \"type\": \"record\",\n"
            + "  \"fields\": [ { \"type\": \"int\", \"name\": \"a\" } ] }";
    static final String V2 = "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"t\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
            + "{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"}]}";
    /** Adds a field without default: not BACKWARD compatible with V1. */
    static final String V2_REQUIRED = "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"t\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
            + "{\"name\":\"c\",\"type\":\"string\"}]}";

    private SchemaRegistryServer server;
    private RawHttp http;

    @BeforeEach
    void start() {
        server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
        http = new RawHttp(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void urlAndPortDescribeTheLoopbackListener() {
        assertThat(server.port()).isPositive();
        assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port());
    }

    @Test
    void rootAndSchemaTypes() {
        Reply root = http.get("/");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.body()).isEqualTo("{}");
        assertThat(root.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(http.get("/schemas/types").body()).isEqualTo("[\"AVRO\"]");
    }

    @Test
    void registerReturnsAnIdAndIsIdempotent() {
        Reply first = http.post("/subjects/s-value/versions", schemaBody(V1));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{\"id\":1}");

        Reply again = http.post("/subjects/s-value/versions?normalize=false", schemaBody(V1_REFORMATTED));
        assertThat(again.body()).isEqualTo("{\"id\":1}");
        assertThat(http.get("/subjects/s-value/versions").body()).isEqualTo("[1]");
    }

    @Test
    void explicitAvroSchemaTypeIsAcceptedOthersAreNot() {
        String avro = RawHttp.JSON.createObjectNode().put("schemaType", "AVRO").put("schema", V1).toString();
        assertThat(http.post("/subjects/s/versions", avro).json().get("id").asInt()).isEqualTo(1);

        String protobuf = RawHttp.JSON.createObjectNode().put("schemaType", "PROTOBUF").put("schema", "syntax = \"proto3\";").toString();
        Reply rejected = http.post("/subjects/p/versions", protobuf);
        assertError(rejected, 422, 42201, "PROTOBUF");
    }

    @Test
    void theSameSchemaUnderAnotherSubjectKeepsItsGlobalId() {
        assertThat(http.post("/subjects/a-value/versions", schemaBody(V1)).json().get("id").asInt()).isEqualTo(1);
        assertThat(http.post("/subjects/other-value/versions", schemaBody(V2)).json().get("id").asInt()).isEqualTo(2);
        assertThat(http.post("/subjects/b-value/versions", schemaBody(V1_REFORMATTED)).json().get("id").asInt()).isEqualTo(1);

        assertThat(http.get("/subjects/b-value/versions/1").json().get("id").asInt()).isEqualTo(1);
        assertThat(http.get("/subjects").body()).isEqualTo("[\"a-value\",\"b-value\",\"other-value\"]");
        assertThat(http.get("/schemas/ids/1/subjects").body()).isEqualTo("[\"a-value\",\"b-value\"]");
        assertThat(http.get("/schemas/ids/1/versions").json().toString())
                .isEqualTo("[{\"subject\":\"a-value\",\"version\":1},{\"subject\":\"b-value\",\"version\":1}]");
    }

    @Test
    void invalidSchemasAndBodiesAreRejected() {
        assertError(http.post("/subjects/s/versions", schemaBody("{\"type\":\"record\",\"name\":\"R\"}")), 422, 42201, "Invalid schema");
        assertError(http.post("/subjects/s/versions", schemaBody("{\"type\":\"nosuchtype\"}")), 422, 42201, "does not define");
        assertError(http.post("/subjects/s/versions", schemaBody(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"Foo\"}]}")), 422, 42201, "Foo");
        assertError(http.post("/subjects/s/versions", schemaBody(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"default\":\"x\"}]}")),
                422, 42201, "Invalid default for field a");
        assertError(http.post("/subjects/s/versions", "{\"schemaType\":\"AVRO\"}"), 422, 42201, "no \"schema\"");
        assertError(http.post("/subjects/s/versions", "{not json"), 400, 400, "Malformed JSON");
        String withReferences = RawHttp.JSON.createObjectNode().put("schema", V1).set("references",
                RawHttp.JSON.createArrayNode().add(RawHttp.JSON.createObjectNode().put("name", "x"))).toString();
        assertError(http.post("/subjects/s/versions", withReferences), 422, 42201, "references");
        assertThat(http.get("/subjects").body()).isEqualTo("[]");
    }

    @Test
    void versionsEndpoints() {
        http.post("/subjects/s/versions", schemaBody(V1));
        http.post("/subjects/s/versions", schemaBody(V2));

        assertThat(http.get("/subjects/s/versions").body()).isEqualTo("[1,2]");
        JsonNode one = http.get("/subjects/s/versions/1").json();
        assertThat(one.get("subject").asText()).isEqualTo("s");
        assertThat(one.get("version").asInt()).isEqualTo(1);
        assertThat(one.get("id").asInt()).isEqualTo(1);
        assertThat(new Schema.Parser().parse(one.get("schema").asText())).isEqualTo(new Schema.Parser().parse(V1));

        for (String latest : new String[] {"latest", "-1"}) {
            JsonNode node = http.get("/subjects/s/versions/" + latest).json();
            assertThat(node.get("version").asInt()).as(latest).isEqualTo(2);
            assertThat(node.get("id").asInt()).as(latest).isEqualTo(2);
        }

        Reply raw = http.get("/subjects/s/versions/2/schema");
        assertThat(raw.status()).isEqualTo(200);
        assertThat(new Schema.Parser().parse(raw.body())).isEqualTo(new Schema.Parser().parse(V2));

        assertError(http.get("/subjects/s/versions/3"), 404, 40402, "Version 3 not found");
        assertError(http.get("/subjects/s/versions/abc"), 422, 42202, "abc");
        assertError(http.get("/subjects/s/versions/0"), 422, 42202, "'0'");
        assertError(http.get("/subjects/nope/versions"), 404, 40401, "Subject 'nope' not found.");
        assertError(http.get("/subjects/nope/versions/latest"), 404, 40401, "nope");
    }

    @Test
    void lookupFindsTheVersionOfAnIdenticalSchema() {
        http.post("/subjects/s/versions", schemaBody(V1));
        http.post("/subjects/s/versions", schemaBody(V2));

        JsonNode found = http.post("/subjects/s?normalize=false", schemaBody(V1_REFORMATTED)).json();
        assertThat(found.get("subject").asText()).isEqualTo("s");
        assertThat(found.get("version").asInt()).isEqualTo(1);
        assertThat(found.get("id").asInt()).isEqualTo(1);
        assertThat(found.get("schema").asText()).isNotBlank();

        assertError(http.post("/subjects/s", schemaBody(V2_REQUIRED)), 404, 40403, "Schema not found");
        assertError(http.post("/subjects/missing", schemaBody(V1)), 404, 40401, "missing");
    }

    @Test
    void schemasById() {
        http.post("/subjects/s/versions", schemaBody(V1));

        Reply byId = http.get("/schemas/ids/1?subject=whatever&fetchMaxId=false");
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.json().fieldNames()).toIterable().containsExactly("schema");
        assertThat(new Schema.Parser().parse(byId.json().get("schema").asText())).isEqualTo(new Schema.Parser().parse(V1));
        assertThat(new Schema.Parser().parse(http.get("/schemas/ids/1/schema").body())).isEqualTo(new Schema.Parser().parse(V1));

        assertError(http.get("/schemas/ids/99"), 404, 40403, "Schema 99 not found");
        assertError(http.get("/schemas/ids/99/schema"), 404, 40403, "Schema 99 not found");
        assertError(http.get("/schemas/ids/abc"), 404, 404, "Not Found");
    }

    @Test
    void globalConfig() {
        assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
        Reply put = http.put("/config", "{\"compatibility\":\"full\"}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body()).isEqualTo("{\"compatibility\":\"FULL\"}");
        assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");

        assertError(http.put("/config", "{\"compatibility\":\"SOMETIMES\"}"), 422, 42203, "SOMETIMES");
        assertError(http.put("/config", "{}"), 422, 42203, "Invalid compatibility level");
    }

    @Test
    void subjectConfig() {
        assertError(http.get("/config/s-value"), 404, 40408, "Subject 's-value' does not have subject-level compatibility configured");
        assertThat(http.get("/config/s-value?defaultToGlobal=true").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");

        assertThat(http.put("/config/s-value", "{\"compatibility\":\"NONE\"}").body()).isEqualTo("{\"compatibility\":\"NONE\"}");
        assertThat(http.get("/config/s-value").body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");

        assertThat(http.delete("/config/s-value").body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        assertError(http.get("/config/s-value"), 404, 40408, "s-value");
        assertError(http.delete("/config/s-value"), 404, 40408, "s-value");
    }

    @Test
    void incompatibleRegistrationIsRejectedWith409() {
        http.post("/subjects/s/versions", schemaBody(V1));

        Reply rejected = http.post("/subjects/s/versions", schemaBody(V2_REQUIRED));

        assertError(rejected, 409, 409, "incompatible with an earlier schema for subject 's'");
        assertThat(rejected.json().get("message").asText())
                .contains("BACKWARD")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE at '/fields/1': c");
        assertThat(http.get("/subjects/s/versions").body()).isEqualTo("[1]");
    }

    @Test
    void subjectLevelNoneAllowsWhatTheGlobalLevelForbids() {
        http.post("/subjects/s/versions", schemaBody(V1));
        http.put("/config/s", "{\"compatibility\":\"NONE\"}");

        assertThat(http.post("/subjects/s/versions", schemaBody(V2_REQUIRED)).status()).isEqualTo(200);
        assertThat(http.get("/subjects/s/versions").body()).isEqualTo("[1,2]");
    }

    @Test
    void compatibilityEndpoint() {
        assertThat(http.post("/compatibility/subjects/new/versions/latest", schemaBody(V1)).body())
                .isEqualTo("{\"is_compatible\":true}");

        http.post("/subjects/s/versions", schemaBody(V1));
        assertThat(http.post("/compatibility/subjects/s/versions/latest", schemaBody(V2)).body())
                .isEqualTo("{\"is_compatible\":true}");
        assertThat(http.post("/compatibility/subjects/s/versions/1", schemaBody(V2_REQUIRED)).body())
                .isEqualTo("{\"is_compatible\":false}");
        assertThat(http.post("/compatibility/subjects/s/versions", schemaBody(V2_REQUIRED)).json().get("is_compatible").asBoolean())
                .isFalse();

        JsonNode verbose = http.post("/compatibility/subjects/s/versions/latest?verbose=true", schemaBody(V2_REQUIRED)).json();
        assertThat(verbose.get("is_compatible").asBoolean()).isFalse();
        assertThat(verbose.get("messages").get(0).asText()).contains("READER_FIELD_MISSING_DEFAULT_VALUE");

        assertError(http.post("/compatibility/subjects/s/versions/7", schemaBody(V2)), 404, 40402, "Version 7");
        assertError(http.post("/compatibility/subjects/s/versions/latest", schemaBody("{")), 422, 42201, "Invalid schema");
    }

    @Test
    void deletingASubjectHidesItButKeepsIdsResolvable() {
        http.post("/subjects/s/versions", schemaBody(V1));
        http.post("/subjects/s/versions", schemaBody(V2));

        assertThat(http.delete("/subjects/s").body()).isEqualTo("[1,2]");

        assertThat(http.get("/subjects").body()).isEqualTo("[]");
        assertError(http.get("/subjects/s/versions"), 404, 40401, "'s'");
        assertError(http.delete("/subjects/s"), 404, 40401, "'s'");
        assertThat(http.get("/schemas/ids/1").status()).isEqualTo(200);

        // Re-registering gets the old global id but a new version number: (subject, version) never means two schemas.
        assertThat(http.post("/subjects/s/versions", schemaBody(V1)).body()).isEqualTo("{\"id\":1}");
        assertThat(http.get("/subjects/s/versions").body()).isEqualTo("[3]");
    }

    @Test
    void associationsProbeGets404SoClientsFallBackToTopicNames() {
        Reply probe = http.get("/associations/resources/-/orders?resourceType=topic&associationType=value",
                "Content-Type", "application/vnd.schemaregistry.v1+json", "Accept", "application/json, text/plain, */*");
        assertError(probe, 404, 404, "Not Found");
    }

    @Test
    void unknownRoutesAre404AndWrongMethods405() {
        assertError(http.get("/nope"), 404, 404, "HTTP 404 Not Found");
        assertError(http.get("/subjects/s/whatever"), 404, 404, "Not Found");
        assertError(http.delete("/schemas/types"), 405, 405, "HTTP 405 Method Not Allowed");
        assertError(http.put("/subjects/s/versions", schemaBody(V1)), 405, 405, "Method Not Allowed");
        assertError(http.get("/subjects/s"), 405, 405, "Method Not Allowed");
    }

    @Test
    void toleratesVendorContentTypeOnGetsAndAnyAcceptHeader() {
        http.post("/subjects/s/versions", schemaBody(V1));
        assertThat(http.get("/subjects/s/versions/latest", "Content-Type", "application/vnd.schemaregistry.v1+json",
                "Accept", "application/json, text/plain, */*").status()).isEqualTo(200);
        assertThat(http.get("/schemas/ids/1", "Accept", "text/html").status()).isEqualTo(200);
        assertThat(http.get("/schemas/ids/1").status()).isEqualTo(200);
    }

    @Test
    void subjectsWithReservedCharactersRoundTrip() {
        String subject = "weird/subject name+plus?é";
        String encoded = URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
        assertThat(http.post("/subjects/" + encoded + "/versions", schemaBody(V1)).status()).isEqualTo(200);
        assertThat(http.get("/subjects").json().get(0).asText()).isEqualTo(subject);
        assertThat(http.get("/subjects/" + encoded + "/versions/latest").json().get("subject").asText()).isEqualTo(subject);
    }

    @Test
    void keepAliveRequestsAreNotDelayedByNagle() {
        http.post("/subjects/s/versions", schemaBody(V1));
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            assertThat(http.get("/schemas/ids/1").status()).isEqualTo(200);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        // With Nagle on, each response waits ~40 ms for a delayed ACK: 100 requests would take 4 s or more.
        assertThat(millis).as("100 sequential requests, in ms").isLessThan(2_000);
    }

    @Nested
    class WithBasicAuth {
        private SchemaRegistryServer secured;
        private RawHttp securedHttp;

        @BeforeEach
        void start() {
            secured = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore(), "alice:s3cret");
            securedHttp = new RawHttp(secured.url());
        }

        @AfterEach
        void stop() {
            secured.close();
        }

        @Test
        void rejectsMissingOrWrongCredentials() {
            Reply missing = securedHttp.get("/subjects");
            assertError(missing, 401, 401, "Unauthorized");
            Reply wrong = securedHttp.get("/subjects", "Authorization", basic("alice:wrong"));
            assertError(wrong, 401, 401, "Unauthorized");
        }

        @Test
        void acceptsTheRightCredentials() {
            assertThat(securedHttp.get("/subjects", "Authorization", basic("alice:s3cret")).body()).isEqualTo("[]");
        }

        private String basic(String userInfo) {
            return "Basic " + java.util.Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
        }
    }

    static void assertError(Reply reply, int status, int errorCode, String messagePart) {
        assertThat(reply.status()).as("HTTP status of %s", reply.body()).isEqualTo(status);
        JsonNode body = reply.json();
        assertThat(body.fieldNames()).toIterable().containsExactly("error_code", "message");
        assertThat(body.get("error_code").asInt()).as("error_code of %s", reply.body()).isEqualTo(errorCode);
        assertThat(body.get("message").asText()).contains(messagePart);
    }
}
