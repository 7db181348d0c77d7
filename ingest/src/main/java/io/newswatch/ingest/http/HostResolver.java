package io.newswatch.ingest.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Looks up the addresses of a host name; the fetcher asks it once per request hop. */
@FunctionalInterface
public interface HostResolver {

    /** The JVM's resolver. */
    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
