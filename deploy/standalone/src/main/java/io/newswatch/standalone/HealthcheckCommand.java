package io.newswatch.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code newswatch healthcheck [URL]}: exits 0 when a service's health endpoint answers 2xx. Meant for
 * container HEALTHCHECKs, where the JRE image has no curl; {@link #main} runs it without the rest of
 * the command line so that the check starts fast in a small heap.
 */
@Command(name = "healthcheck", mixinStandardHelpOptions = true,
        description = "Check a service's health endpoint; exit 0 if it answers 2xx, 1 otherwise.")
public final class HealthcheckCommand implements Callable<Integer> {

    private static final int TIMEOUT_MILLIS = 5_000;

    @Parameters(arity = "0..1", paramLabel = "URL",
            description = "Endpoint to check (default: http://127.0.0.1:$NEWSWATCH_HEALTH_PORT/readyz, port 8080 if unset).")
    String url;

    @Override
    public Integer call() {
        return check(url == null ? defaultUrl() : url, System.out, System.err);
    }

    public static void main(String[] args) {
        System.exit(check(args.length > 0 ? args[0] : defaultUrl(), System.out, System.err));
    }

    static String defaultUrl() {
        String port = System.getenv("NEWSWATCH_HEALTH_PORT");
        return "http://127.0.0.1:" + (port == null || port.isBlank() ? "8080" : port.trim()) + "/readyz";
    }

    static int check(String url, PrintStream out, PrintStream err) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            int status = connection.getResponseCode();
            InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            String text = body == null ? "" : new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            (status / 100 == 2 ? out : err).println(status + " " + text);
            return status / 100 == 2 ? 0 : 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("unhealthy: " + url + ": " + e);
            return 1;
        }
    }
}
