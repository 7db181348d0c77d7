package io.newswatch.ingest.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * HTTP GET for content from the open internet. Every request, including each redirect hop (which
 * are followed here rather than by the client), must be http(s) to a host whose addresses the
 * {@link AddressPolicy} permits. Bodies are capped before and after decompression, whole requests
 * time out, and requests to one host are serialised and spaced out.
 */
public final class HttpFetcher {

    private final FetchSettings settings;
    private final HttpClient client;
    private final HostGate gate;

    public HttpFetcher(FetchSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
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
            check(current);
            FetchResponse response = once(current, headers);
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

    private void check(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException("scheme", "only http and https URLs are fetched, not " + uri);
        }
        if (uri.getHost() == null) {
            throw new FetchException("bad-url", "no host in " + uri);
        }
        settings.policy().check(uri.getHost());
    }

    private FetchResponse once(URI uri, Map<String, String> headers) throws FetchException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                .timeout(settings.timeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept-Encoding", "gzip, deflate");
        headers.forEach(request::header);
        String host = uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort();
        gate.enter(host);
        CompletableFuture<HttpResponse<byte[]>> pending = null;
        try {
            pending = client.sendAsync(request.build(), info -> new CappedBody(settings.maxBytes(), info));
            HttpResponse<byte[]> response = pending.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            byte[] body = decode(response.body(), response.headers().firstValue("content-encoding").orElse(""), uri);
            return new FetchResponse(uri, response.statusCode(), response.headers(), body);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new FetchException("timeout", "no complete response from " + uri + " within " + settings.timeout());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof FetchException) {
                throw (FetchException) cause;
            }
            if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException) {
                throw new FetchException("timeout", "timed out fetching " + uri, cause);
            }
            throw new FetchException("io", "cannot fetch " + uri + ": " + cause, cause);
        } catch (IllegalArgumentException e) {
            throw new FetchException("bad-url", "cannot request " + uri + ": " + e.getMessage(), e);
        } finally {
            gate.leave(host);
        }
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
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16384];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                if (out.size() > settings.maxBytes()) {
                    throw new FetchException("too-large", "body of " + uri + " decompresses to more than "
                            + settings.maxBytes() + " bytes");
                }
            }
            return out.toByteArray();
        } catch (FetchException ex) {
            throw ex;
        } catch (IOException ex) {
            throw new FetchException("encoding", "corrupt " + encoding + " body from " + uri, ex);
        }
    }

    /** Collects a body, failing as soon as it grows past the limit (or announces that it will). */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long limit;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final long announced;
        private Flow.Subscription subscription;

        CappedBody(long limit, HttpResponse.ResponseInfo info) {
            this.limit = limit;
            this.announced = info.headers().firstValueAsLong("content-length").orElse(-1);
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            this.subscription = s;
            if (announced > limit) {
                s.cancel();
                result.completeExceptionally(new FetchException("too-large", "body of " + announced
                        + " bytes is larger than the limit of " + limit));
                return;
            }
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                if (bytes.size() + b.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new FetchException("too-large", "body larger than the limit of " + limit
                            + " bytes"));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.writeBytes(chunk);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
