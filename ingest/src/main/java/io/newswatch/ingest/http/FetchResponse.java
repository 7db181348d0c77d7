package io.newswatch.ingest.http;

import java.net.URI;

/** A response: the URI it finally came from (after redirects), status, headers and the decoded body. */
public record FetchResponse(URI uri, int status, ResponseHeaders headers, byte[] body) {

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
