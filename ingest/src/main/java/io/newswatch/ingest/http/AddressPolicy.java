package io.newswatch.ingest.http;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which network addresses ingest may connect to. Feeds and pages name arbitrary hosts, so by
 * default anything that is not the public internet is refused: loopback, private ranges, link-local
 * (which holds the cloud metadata endpoint 169.254.169.254), carrier-grade NAT, unique-local IPv6,
 * multicast and unspecified addresses. Ranges can be allowed explicitly (CIDR notation).
 */
public final class AddressPolicy {

    private static final List<Cidr> REFUSED = List.of(
            Cidr.parse("0.0.0.0/8"), Cidr.parse("10.0.0.0/8"), Cidr.parse("100.64.0.0/10"), Cidr.parse("127.0.0.0/8"),
            Cidr.parse("169.254.0.0/16"), Cidr.parse("172.16.0.0/12"), Cidr.parse("192.0.0.0/24"),
            Cidr.parse("192.168.0.0/16"), Cidr.parse("198.18.0.0/15"), Cidr.parse("224.0.0.0/3"),
            Cidr.parse("::/128"), Cidr.parse("::1/128"), Cidr.parse("fc00::/7"), Cidr.parse("fe80::/10"),
            Cidr.parse("ff00::/8"), Cidr.parse("64:ff9b::/96"));

    private final List<Cidr> allowed;

    private AddressPolicy(List<Cidr> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** Only public addresses. */
    public static AddressPolicy publicOnly() {
        return new AddressPolicy(List.of());
    }

    /** Public addresses plus {@code cidrs} (e.g. {@code 127.0.0.0/8}, {@code 10.1.2.3/32}, {@code ::1/128}). */
    public static AddressPolicy allowing(List<String> cidrs) {
        List<Cidr> parsed = new ArrayList<>();
        for (String c : cidrs) {
            parsed.add(Cidr.parse(c.strip()));
        }
        return new AddressPolicy(parsed);
    }

    public boolean permits(InetAddress address) {
        for (Cidr c : allowed) {
            if (c.contains(address)) {
                return true;
            }
        }
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        for (Cidr c : REFUSED) {
            if (c.contains(address)) {
                return false;
            }
        }
        return true;
    }

    /** Resolves {@code host}; fails unless every address it resolves to is permitted. */
    public List<InetAddress> check(String host) throws FetchException {
        return check(host, HostResolver.SYSTEM);
    }

    /**
     * Resolves {@code host} with {@code resolver}, once; fails unless every address of the answer is permitted.
     * The addresses returned are the only ones a connection to {@code host} may then use.
     */
    public List<InetAddress> check(String host, HostResolver resolver) throws FetchException {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new FetchException("dns", "cannot resolve host " + host);
        }
        if (addresses == null || addresses.length == 0) {
            throw new FetchException("dns", "cannot resolve host " + host);
        }
        for (InetAddress a : addresses) {
            if (!permits(a)) {
                throw new FetchException("address-refused", "refusing to connect to " + host + " (" + a.getHostAddress()
                        + "): not a public address; allow it in the configuration if it is meant");
            }
        }
        return List.of(addresses);
    }

    /** An address range in CIDR notation. */
    record Cidr(BigInteger network, int prefix, int bits) {

        static Cidr parse(String cidr) {
            String[] parts = cidr.split("/", 2);
            try {
                // Numeric literals only: InetAddress does not resolve them through DNS.
                if (!parts[0].matches("[0-9a-fA-F:.]+")) {
                    throw new IllegalArgumentException("not an IP address: " + cidr);
                }
                byte[] bytes = InetAddress.getByName(parts[0]).getAddress();
                int bits = bytes.length * 8;
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("bad prefix length in " + cidr);
                }
                return new Cidr(mask(new BigInteger(1, bytes), prefix, bits), prefix, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR range: " + cidr, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length * 8 != bits) {
                if (address instanceof Inet6Address && bits == 32 && isMappedV4(bytes)) {
                    bytes = java.util.Arrays.copyOfRange(bytes, 12, 16);
                } else if (address instanceof Inet4Address && bits == 128) {
                    return false;
                } else {
                    return false;
                }
            }
            return mask(new BigInteger(1, bytes), prefix, bits).equals(network);
        }

        private static boolean isMappedV4(byte[] b) {
            for (int i = 0; i < 10; i++) {
                if (b[i] != 0) {
                    return false;
                }
            }
            return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        }

        private static BigInteger mask(BigInteger value, int prefix, int bits) {
            return value.shiftRight(bits - prefix);
        }
    }
}
