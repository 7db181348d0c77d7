package io.newswatch.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;

import io.newswatch.ingest.LoopbackServer;

/**
 * DNS rebinding: the host name "rebind.test" is answered by a scripted resolver, the policy permits only
 * 127.0.0.2, and two real servers listen on the same port, one on 127.0.0.2 and one on 127.0.0.1. A
 * fetch must connect to the address that was checked, never to one that a later lookup returns.
 */
class PinnedAddressIntegrationTest {

    private static final InetAddress PERMITTED = address("127.0.0.2");
    private static final InetAddress REFUSED = address("127.0.0.1");

    private final FetchSettings settings = FetchSettings.defaults().withHostDelay(Duration.ZERO)
            .withTimeout(Duration.ofSeconds(5)).withPolicy(AddressPolicy.allowing(List.of("127.0.0.2/32")));

    private LoopbackServer permitted;
    private LoopbackServer refused;

    @BeforeEach
    void start() throws IOException {
        for (int attempt = 0; ; attempt++) {
            permitted = site(PERMITTED, 0);
            try {
                refused = site(REFUSED, permitted.port());
                return;
            } catch (BindException e) {
                permitted.close(); // the port is taken on 127.0.0.1; try another
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    @AfterEach
    void stop() {
        permitted.close();
        if (refused != null) {
            refused.close();
        }
    }

    @Test
    void connectsToTheCheckedAddressWhenLaterLookupsAnswerARefusedOne() throws Exception {
        Scripted dns = new Scripted(List.of(PERMITTED), List.of(REFUSED));
        HttpFetcher fetcher = new HttpFetcher(settings, dns);

        FetchResponse r = fetcher.get(uri("/page"));

        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("from 127.0.0.2");
        assertThat(permitted.hits("/page")).isEqualTo(1);
        assertThat(permitted.requests().stream().map(h -> h.getFirst("Host"))).containsExactly("rebind.test:" + permitted.port());
        assertThat(refused.total()).isZero();
        assertThat(dns.calls.get()).as("one lookup serves both the check and the connect").isEqualTo(1);

        // the next request looks the name up again, and that answer is checked in turn
        assertThat(reason(fetcher, "/page")).isEqualTo("address-refused");
        assertThat(dns.calls.get()).isEqualTo(2);
        assertThat(refused.total()).isZero();
        assertThat(permitted.hits("/page")).isEqualTo(1);
    }

    @Test
    void refusesAnAnswerWithAnyRefusedAddressWithoutConnecting() {
        Scripted mixed = new Scripted(List.of(PERMITTED, REFUSED), List.of(PERMITTED, REFUSED));
        assertThat(reason(new HttpFetcher(settings, mixed), "/page")).isEqualTo("address-refused");
        assertThat(mixed.calls.get()).isEqualTo(1);

        Scripted metadata = new Scripted(List.of(address("169.254.169.254")), List.of(PERMITTED));
        assertThat(reason(new HttpFetcher(settings, metadata), "/page")).isEqualTo("address-refused");
        assertThat(metadata.calls.get()).isEqualTo(1);

        assertThat(permitted.total()).isZero();
        assertThat(refused.total()).isZero();
    }

    @Test
    void looksUpEveryRedirectHopOnceAndChecksItsAnswer() throws Exception {
        permitted.route("/start", ex -> redirect(ex, "http://rebind.test:" + permitted.port() + "/next"));
        Scripted steady = new Scripted(List.of(PERMITTED), List.of(PERMITTED));

        FetchResponse r = new HttpFetcher(settings, steady).get(uri("/start"));

        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("from 127.0.0.2");
        assertThat(r.uri()).isEqualTo(uri("/next"));
        assertThat(steady.calls.get()).as("one lookup per hop").isEqualTo(2);

        Scripted rebinding = new Scripted(List.of(PERMITTED), List.of(REFUSED));
        assertThat(reason(new HttpFetcher(settings, rebinding), "/start")).isEqualTo("address-refused");
        assertThat(rebinding.calls.get()).isEqualTo(2);
        assertThat(permitted.hits("/start")).isEqualTo(2);
        assertThat(permitted.hits("/next")).isEqualTo(1);
        assertThat(refused.total()).isZero();
    }

    @Test
    void reusesAKeptAliveConnectionForTheSameCheckedAnswer() throws Exception {
        Scripted steady = new Scripted(List.of(PERMITTED), List.of(PERMITTED));
        HttpFetcher fetcher = new HttpFetcher(settings, steady);

        fetcher.get(uri("/page"));
        fetcher.get(uri("/page"));

        assertThat(steady.calls.get()).isEqualTo(2);
        assertThat(permitted.clientPorts()).hasSize(2);
        assertThat(permitted.clientPorts().get(1)).isEqualTo(permitted.clientPorts().get(0));
    }

    @Test
    void aNameThatDoesNotResolveIsADnsFailure() {
        HostResolver none = host -> {
            throw new UnknownHostException(host);
        };
        assertThat(reason(new HttpFetcher(settings, none), "/page")).isEqualTo("dns");
        assertThat(permitted.total() + refused.total()).isZero();
    }

    /** A server on one loopback address whose pages say which address answered. */
    private static LoopbackServer site(InetAddress address, int port) throws IOException {
        LoopbackServer server = LoopbackServer.start(address, port);
        for (String path : List.of("/page", "/start", "/next")) {
            server.content(path, "text/plain", "from " + address.getHostAddress());
        }
        return server;
    }

    private URI uri(String path) {
        return URI.create("http://rebind.test:" + permitted.port() + path);
    }

    private String reason(HttpFetcher fetcher, String path) {
        try {
            fetcher.get(uri(path));
            return "no error";
        } catch (FetchException e) {
            return e.reason();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(302, -1);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Answers {@code first} to the first lookup and {@code later} to every other one, counting lookups. */
    private static final class Scripted implements HostResolver {
        final AtomicInteger calls = new AtomicInteger();
        private final List<InetAddress> first;
        private final List<InetAddress> later;

        Scripted(List<InetAddress> first, List<InetAddress> later) {
            this.first = first;
            this.later = later;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            if (!host.equals("rebind.test")) {
                throw new UnknownHostException(host);
            }
            return (calls.getAndIncrement() == 0 ? first : later).toArray(new InetAddress[0]);
        }
    }
}
