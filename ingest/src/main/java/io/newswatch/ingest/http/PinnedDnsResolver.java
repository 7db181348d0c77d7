package io.newswatch.ingest.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.apache.hc.client5.http.DnsResolver;

/**
 * The connection manager's only source of addresses. It never looks a name up itself: it answers with
 * the addresses that {@link AddressPolicy} checked for the request hop running on the current thread,
 * so the connection goes to an address that was checked, whatever DNS says by the time of the connect.
 * A name without such an answer (which the fetcher never asks for) is refused, not resolved.
 */
final class PinnedDnsResolver implements DnsResolver {

    private final ThreadLocal<Pin> current = new ThreadLocal<>();

    /** Runs {@code exchange} on this thread with connections to {@code host} going only to {@code addresses}. */
    <T> T pinned(String host, List<InetAddress> addresses, Exchange<T> exchange) throws IOException {
        Pin previous = current.get();
        current.set(new Pin(bare(host), addresses.toArray(new InetAddress[0])));
        try {
            return exchange.run();
        } finally {
            if (previous == null) {
                current.remove();
            } else {
                current.set(previous);
            }
        }
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        Pin pin = current.get();
        if (pin == null || !pin.host.equalsIgnoreCase(bare(host))) {
            throw new UnknownHostException(host + ": no addresses checked by the address policy for this request");
        }
        return pin.addresses.clone();
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        // Overridden so that no path can hand the socket an unresolved address to look up on its own.
        List<InetSocketAddress> out = new ArrayList<>();
        for (InetAddress a : resolve(host)) {
            out.add(new InetSocketAddress(a, port));
        }
        return out;
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host; // only used for Kerberos service names, which are not used here; no reverse lookups
    }

    /** IPv6 literals come bracketed from URIs and bare from the client. */
    static String bare(String host) {
        return host.length() > 1 && host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    @FunctionalInterface
    interface Exchange<T> {
        T run() throws IOException;
    }

    private record Pin(String host, InetAddress[] addresses) {
    }
}
