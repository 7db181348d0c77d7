package io.newswatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.newswatch.ingest.LoopbackServer;
import picocli.CommandLine;

/** {@code extract URL} against a real loopback server: robots.txt is asked first, a page that never ends times out. */
class ExtractRobotsIntegrationTest {

    private static final String PAGE = "<html><head><title>Allowed page</title></head><body><article><p>The text of a page "
            + "that robots.txt does not mind being fetched.</p></article></body></html>";

    private LoopbackServer server;

    @BeforeEach
    void serve() throws Exception {
        server = LoopbackServer.start();
        server.content("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
        server.content("/news/1", "text/html", PAGE);
        server.content("/private/1", "text/html", PAGE);
        server.route("/news/slow-loris", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 600; i++) {
                    out.write('<');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void consultsRobotsTxtUnlessToldNotTo() {
        Result allowed = run(server.url("/news/1"));
        assertThat(allowed.code).as(allowed.err).isZero();
        assertThat(allowed.out).contains("Title:         Allowed page");

        Result refused = run(server.url("/private/1"));
        assertThat(refused.code).isEqualTo(1);
        assertThat(refused.err).contains("robots.txt of 127.0.0.1 disallows").contains("--ignore-robots");
        assertThat(server.hits("/private/1")).isZero();

        Result ignored = run(server.url("/private/1"), "--ignore-robots");
        assertThat(ignored.code).as(ignored.err).isZero();
        assertThat(server.hits("/private/1")).isEqualTo(1);
    }

    @Test
    void aPageThatNeverEndsTimesOut() {
        Result r = run(server.url("/news/slow-loris"), "--fetch-timeout", "2s");
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).contains("no complete response").contains("within PT2S");
    }

    private static Result run(String url, String... more) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = new String[more.length + 5];
        args[0] = url;
        args[1] = "--allow-addresses";
        args[2] = "127.0.0.1/32";
        args[3] = "--host-delay";
        args[4] = "0s";
        System.arraycopy(more, 0, args, 5, more.length);
        int code = new CommandLine(new ExtractCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {
    }
}
