package io.newswatch.ingest.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * HTTP GET for content from the open internet. Every request, including each redirect hop (which
 * are followed here rather than by the client), must be http(s) to a host whose addresses the
 * {@link AddressPolicy} permits. The host is resolved once per hop and the connection can only go to
 * the addresses of that checked answer (see {@link PinnedDnsResolver}), so a DNS answer that changes
 * between check and connect cannot reach a refused address. Bodies are capped before and after
 * decompression, whole requests time out, and requests to one host are serialised and spaced out.
 */
public final class HttpFetcher {

    /**
     * Exchanges run on these threads so that the caller can give up at the deadline or when interrupted:
     * blocking socket reads notice neither, but aborting the request closes the socket under them.
     */
    private static final ExecutorService EXCHANGES = Executors.newCachedThreadPool(new DaemonThreads());
    private static final TimeValue IDLE = TimeValue.ofSeconds(30);

    private final FetchSettings settings;
    private final HostResolver resolver;
    private final PinnedDnsResolver pinned = new PinnedDnsResolver();
    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient client;
    private final HostGate gate;

    public HttpFetcher(FetchSettings settings) {
        this(settings, HostResolver.SYSTEM);
    }

    /** With {@code resolver} answering the host lookups that the policy checks (tests use made-up names). */
    HttpFetcher(FetchSettings settings, HostResolver resolver) {
        this.settings = settings;
        this.resolver = resolver;
        this.connections = new DirectConnections()
                .setDnsResolver(pinned)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.timeout()))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .setMaxConnTotal(256)
                .setMaxConnPerRoute(4)
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        // bodies arrive as sent so that the size cap applies before and after our own decoding
                        .setContentCompressionEnabled(false)
                        .setProtocolUpgradeEnabled(false)
                        .setAuthenticationEnabled(false)
                        .setExpectContinueEnabled(false)
                        .setConnectionRequestTimeout(Timeout.of(settings.timeout()))
                        .setResponseTimeout(Timeout.of(settings.timeout()))
                        .build())
                // direct connections only: a proxy would make its own DNS lookup, unchecked
                .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE))
                .disableRedirectHandling()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .setRetryStrategy(new StaleConnectionRetry())
                .build();
        this.gate = new HostGate(settings.hostDelay());
    }

    public FetchSettings settings() {
        return settings;
    }

    public FetchResponse get(URI uri) throws FetchException, InterruptedException {
        return get(uri, Map.of());
    }

    /** GETs {@code uri} following redirects; {@code headers} (e.g. conditional ones) go with every hop. */
    public FetchResponse get(URI uri, Map<String, String> headers) throws FetchException, InterruptedException {
        URI current = uri;
        for (int hop = 0; ; hop++) {
            List<InetAddress> addresses = check(current);
            FetchResponse response = once(current, addresses, headers);
            int s = response.status();
            if (s == 301 || s == 302 || s == 303 || s == 307 || s == 308) {
                String location = response.header("location");
                if (location == null) {
                    return response;
                }
                if (hop >= settings.maxRedirects()) {
                    throw new FetchException("redirect-limit", "more than " + settings.maxRedirects() + " redirects from " + uri);
                }
                try {
                    current = current.resolve(location.strip());
                } catch (IllegalArgumentException e) {
                    throw new FetchException("bad-redirect", "invalid redirect location '" + location + "' from " + current);
                }
                continue;
            }
            return response;
        }
    }

    /** The permitted addresses of the hop's host: the one lookup of this hop, every address checked. */
    private List<InetAddress> check(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException("scheme", "only http and https URLs are fetched, not " + uri);
        }
        if (uri.getHost() == null) {
            throw new FetchException("bad-url", "no host in " + uri);
        }
        return settings.policy().check(PinnedDnsResolver.bare(uri.getHost()), resolver);
    }

    private FetchResponse once(URI uri, List<InetAddress> addresses, Map<String, String> headers)
            throws FetchException, InterruptedException {
        HttpGet request;
        HttpHost target;
        try {
            request = new HttpGet(uri);
            target = new HttpHost(uri.getScheme().toLowerCase(Locale.ROOT), PinnedDnsResolver.bare(uri.getHost()), uri.getPort());
            request.addHeader("User-Agent", settings.userAgent());
            request.addHeader("Accept-Encoding", "gzip, deflate");
            headers.forEach(request::addHeader);
        } catch (IllegalArgumentException e) {
            throw new FetchException("bad-url", "cannot request " + uri + ": " + e.getMessage(), e);
        }
        HttpClientContext context = HttpClientContext.create();
        // The pool hands a kept-alive connection only to a hop whose checked answer is the same set of addresses.
        context.setUserToken(Set.copyOf(addresses));
        String host = uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort();
        gate.enter(host);
        Future<Received> pending = null;
        try {
            connections.closeIdle(IDLE);
            pending = EXCHANGES.submit(() -> pinned.pinned(target.getHostName(), addresses,
                    () -> exchange(target, request, context)));
            Received r = pending.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            byte[] body = decode(r.body(), r.headers().firstValue("content-encoding").orElse(""), uri);
            return new FetchResponse(uri, r.status(), r.headers(), body);
        } catch (TimeoutException e) {
            abort(request, pending);
            throw new FetchException("timeout", "no complete response from " + uri + " within " + settings.timeout());
        } catch (InterruptedException e) {
            abort(request, pending);
            throw e;
        } catch (ExecutionException e) {
            throw failure(e.getCause(), uri);
        } finally {
            gate.leave(host);
        }
    }

    /** Runs on an exchange thread: sends the request and reads the capped body. */
    private Received exchange(HttpHost target, HttpGet request, HttpClientContext context) throws IOException {
        ClassicHttpResponse response = client.executeOpen(target, request, context);
        try {
            ResponseHeaders headers = ResponseHeaders.of(Arrays.stream(response.getHeaders())
                    .map(h -> Map.entry(h.getName(), h.getValue())).toList());
            HttpEntity entity = response.getEntity();
            byte[] body = entity == null ? new byte[0] : read(entity);
            response.close();
            return new Received(response.getCode(), headers, body);
        } catch (IOException | RuntimeException e) {
            // Drop the connection first: closing a response normally reads the rest of the (unwanted) body.
            request.cancel();
            try {
                response.close();
            } catch (IOException | RuntimeException ignored) {
                // the connection is gone already
            }
            throw e;
        }
    }

    /** Collects a body, failing as soon as it grows past the limit (or announces that it will). */
    private byte[] read(HttpEntity entity) throws IOException {
        long limit = settings.maxBytes();
        long announced = entity.getContentLength();
        if (announced > limit) {
            throw new FetchException("too-large", "body of " + announced + " bytes is larger than the limit of " + limit);
        }
        // Closed only once read to the end: an early close would read the rest of the body first.
        InputStream in = entity.getContent();
        byte[] body = copyCapped(in, "body larger than the limit of " + limit + " bytes");
        in.close();
        return body;
    }

    /** Reads {@code in} to its end, failing with {@code tooLarge} as soon as it passes the size limit. */
    private byte[] copyCapped(InputStream in, String tooLarge) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        int n;
        while ((n = in.read(buf)) >= 0) {
            if (out.size() + (long) n > settings.maxBytes()) {
                throw new FetchException("too-large", tooLarge);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** Closes the connection under a running exchange and waits briefly for it to end, so that it cannot overlap the next request to the host. */
    private static void abort(HttpGet request, Future<Received> pending) {
        request.cancel();
        if (pending == null) {
            return;
        }
        pending.cancel(false);
        try {
            pending.get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // it failed or was cancelled, as intended
        }
    }

    private static FetchException failure(Throwable cause, URI uri) {
        if (cause instanceof FetchException) {
            return (FetchException) cause;
        }
        if (cause instanceof UnknownHostException) {
            return new FetchException("dns", "cannot resolve host of " + uri + ": " + cause.getMessage(), cause);
        }
        if (cause instanceof InterruptedIOException) { // connect, read and pool timeouts
            return new FetchException("timeout", "timed out fetching " + uri, cause);
        }
        if (cause instanceof IllegalArgumentException) {
            return new FetchException("bad-url", "cannot request " + uri + ": " + cause.getMessage(), cause);
        }
        return new FetchException("io", "cannot fetch " + uri + ": " + cause, cause);
    }

    private byte[] decode(byte[] body, String encoding, URI uri) throws FetchException {
        String e = encoding.strip().toLowerCase(Locale.ROOT);
        if (e.isEmpty() || e.equals("identity")) {
            return body;
        }
        try (InputStream in = e.equals("gzip") || e.equals("x-gzip")
                ? new GZIPInputStream(new java.io.ByteArrayInputStream(body))
                : e.equals("deflate") ? new InflaterInputStream(new java.io.ByteArrayInputStream(body)) : null) {
            if (in == null) {
                throw new FetchException("encoding", "unsupported content encoding '" + encoding + "' from " + uri);
            }
            return copyCapped(in, "body of " + uri + " decompresses to more than " + settings.maxBytes() + " bytes");
        } catch (FetchException ex) {
            throw ex;
        } catch (IOException ex) {
            throw new FetchException("encoding", "corrupt " + encoding + " body from " + uri, ex);
        }
    }

    private record Received(int status, ResponseHeaders headers, byte[] body) {
    }

    /** Plain sockets are made with {@link Proxy#NO_PROXY}, so a JVM-wide SOCKS setting cannot route a fetch elsewhere. */
    private static final class DirectConnections extends PoolingHttpClientConnectionManagerBuilder {
        @Override
        protected HttpClientConnectionOperator createConnectionOperator(SchemePortResolver ports, DnsResolver dns,
                TlsSocketStrategy tls) {
            return new DefaultHttpClientConnectionOperator(proxy -> new Socket(Proxy.NO_PROXY), ports, dns,
                    RegistryBuilder.<TlsSocketStrategy>create().register(URIScheme.HTTPS.id, tls).build());
        }
    }

    /**
     * One immediate retry when a server says nothing at all, which is how a kept-alive connection that the
     * server has just closed fails; never a retry after a response (no waiting out 503s here).
     */
    private static final class StaleConnectionRetry implements HttpRequestRetryStrategy {
        @Override
        public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
            return execCount <= 1 && exception instanceof NoHttpResponseException;
        }

        @Override
        public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
            return false;
        }

        @Override
        public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
            return TimeValue.ZERO_MILLISECONDS;
        }
    }

    private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "http-fetch-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
