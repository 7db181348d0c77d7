package io.newswatch.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.newswatch.registry.server.InMemorySchemaStore;
import io.newswatch.registry.server.SchemaRegistryServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryClientTest {

    private static final Schema V1 = new Schema.Parser().parse(
            "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"t\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");
    private static final Schema V2 = new Schema.Parser().parse(
            "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"t\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
                    + "{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"}]}");
    private static final Schema V2_REQUIRED = new Schema.Parser().parse(
            "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"t\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
                    + "{\"name\":\"c\",\"type\":\"string\"}]}");

    private SchemaRegistryServer server;
    private RestSchemaRegistryClient client;
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @BeforeEach
    void start() {
        server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
        client = RestSchemaRegistryClient.builder(server.url()).build();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : cleanup) {
            closeable.close();
        }
        client.close();
        server.close();
    }

    @Test
    void registerGetAndLookUp() {
        int id1 = client.register("s-value", V1);
        int id2 = client.register("s-value", V2);

        assertThat(client.register("s-value", V1)).isEqualTo(id1);
        assertThat(client.getById(id1)).isEqualTo(V1);
        assertThat(client.getId("s-value", V2)).isEqualTo(id2);
        assertThat(client.getLatest("s-value")).isEqualTo(new RegisteredSchema("s-value", 2, id2, V2));
        assertThat(client.subjects()).containsExactly("s-value");
    }

    @Test
    void compatibility() {
        assertThat(client.isCompatible("fresh", V2_REQUIRED)).as("no versions yet").isTrue();
        client.register("s", V1);
        assertThat(client.isCompatible("s", V2)).isTrue();
        assertThat(client.isCompatible("s", V2_REQUIRED)).isFalse();
    }

    @Test
    void errorsCarryStatusErrorCodeAndMessage() {
        assertThatThrownBy(() -> client.getById(99))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
                    assertThat(e.registryMessage()).isEqualTo("Schema 99 not found");
                    assertThat(e.isNotFound()).isTrue();
                    assertThat(e).hasMessage("Schema registry error (HTTP 404, error_code 40403): Schema 99 not found");
                });
        assertThatThrownBy(() -> client.getLatest("nope"))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND));
        client.register("s", V1);
        assertThatThrownBy(() -> client.getId("s", V2))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND));
        assertThatThrownBy(() -> client.register("s", V2_REQUIRED))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INCOMPATIBLE_SCHEMA);
                    assertThat(e.registryMessage()).contains("incompatible");
                });
    }

    @Test
    void subjectsWithReservedCharactersAreEncoded() {
        String subject = "a/b c+d?e#f%g-é";
        int id = client.register(subject, V1);
        assertThat(client.subjects()).containsExactly(subject);
        assertThat(client.getLatest(subject).subject()).isEqualTo(subject);
        assertThat(client.getId(subject, V1)).isEqualTo(id);
    }

    @Test
    void failsOverFromADeadUrlToALiveOne() throws IOException {
        String dead = "http://127.0.0.1:" + freePort();
        RestSchemaRegistryClient failover = RestSchemaRegistryClient.builder(dead + " , " + server.url() + "/").build();

        assertThat(failover.baseUrls()).containsExactly(dead, server.url());
        int id = failover.register("s", V1);
        assertThat(failover.getById(id)).isEqualTo(V1);
    }

    @Test
    void failsOverOnATimeoutAndThenSticksToTheUrlThatAnswered() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            AtomicInteger accepted = new AtomicInteger();
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // never answers
                        accepted.incrementAndGet();
                    }
                } catch (IOException closed) {
                    // socket closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();

            RestSchemaRegistryClient failover = RestSchemaRegistryClient
                    .builder("http://127.0.0.1:" + silent.getLocalPort() + "," + server.url())
                    .requestTimeout(Duration.ofSeconds(2)) // long enough that the live URL never times out on a busy machine
                    .build();

            int id = failover.register("s", V1);
            assertThat(accepted).hasValue(1);
            assertThat(failover.getById(id)).isEqualTo(V1);
            assertThat(failover.subjects()).containsExactly("s");
            assertThat(accepted).as("later calls go straight to the live URL").hasValue(1);
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void noReachableUrlIsAClearError() throws IOException {
        String urls = "http://127.0.0.1:" + freePort() + ",http://127.0.0.1:" + freePort();
        RestSchemaRegistryClient unreachable = RestSchemaRegistryClient.builder(urls).build();
        assertThatThrownBy(unreachable::subjects)
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(SchemaRegistryException.NO_RESPONSE);
                    assertThat(e.getMessage()).startsWith("No schema registry reachable at [http://127.0.0.1:")
                            .contains("GET /subjects");
                });
    }

    @Test
    void httpErrorsAreNotRetriedOnOtherUrls() throws IOException {
        AtomicInteger secondCalls = new AtomicInteger();
        HttpServer second = stubServer(503, "should not be asked", secondCalls);
        RestSchemaRegistryClient client2 = RestSchemaRegistryClient
                .builder(server.url() + ",http://127.0.0.1:" + second.getAddress().getPort()).build();

        assertThatThrownBy(() -> client2.getById(99)).isInstanceOf(SchemaRegistryException.class);
        assertThat(secondCalls).hasValue(0);
    }

    @Test
    void nonJsonErrorBodiesAreReportedVerbatim() throws IOException {
        HttpServer proxy = stubServer(502, "<html><body>Bad Gateway</body></html>", new AtomicInteger());
        RestSchemaRegistryClient viaProxy =
                RestSchemaRegistryClient.builder("http://127.0.0.1:" + proxy.getAddress().getPort()).build();

        assertThatThrownBy(viaProxy::subjects)
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.errorCode()).isEqualTo(502);
                    assertThat(e.registryMessage()).contains("Bad Gateway");
                });
    }

    @Test
    void basicAuth() {
        SchemaRegistryServer secured =
                SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore(), "alice:p@ss:word");
        cleanup.add(secured);

        RestSchemaRegistryClient authorized =
                RestSchemaRegistryClient.builder(secured.url()).userInfo("alice:p@ss:word").build();
        assertThat(authorized.register("s", V1)).isEqualTo(1);

        for (RestSchemaRegistryClient rejected : List.of(
                RestSchemaRegistryClient.builder(secured.url()).build(),
                RestSchemaRegistryClient.builder(secured.url()).userInfo("alice:wrong").build())) {
            assertThatThrownBy(rejected::subjects)
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.registryMessage()).isEqualTo("Unauthorized");
                    });
        }
    }

    @Test
    void invalidUrlsAndOptionsAreRejected() {
        assertThatThrownBy(() -> RestSchemaRegistryClient.builder("ftp://host").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp://host");
        assertThatThrownBy(() -> RestSchemaRegistryClient.builder(" , ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No schema registry URL");
        assertThatThrownBy(() -> RestSchemaRegistryClient.builder("http://u:secret@host:8081 x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("secret");
        assertThatThrownBy(() -> RestSchemaRegistryClient.builder(server.url()).userInfo("nocolon"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RestSchemaRegistryClient.builder(server.url()).requestTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void credentialsAreStrippedFromBaseUrls() {
        RestSchemaRegistryClient withCredentials =
                RestSchemaRegistryClient.builder("http://bob:secret@127.0.0.1:" + server.port() + "/").build();
        assertThat(withCredentials.baseUrls()).containsExactly(server.url());
        assertThat(withCredentials.toString()).doesNotContain("secret");
    }

    private HttpServer stubServer(int status, String body, AtomicInteger calls) throws IOException {
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            calls.incrementAndGet();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        stub.start();
        cleanup.add(() -> stub.stop(0));
        return stub;
    }

    /** A port nothing listens on (bound, then released): connections to it are refused at once. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
