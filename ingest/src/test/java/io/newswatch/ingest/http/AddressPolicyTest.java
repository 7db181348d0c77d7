package io.newswatch.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.5.6.7", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "::", "fe80::1", "fd00:ec2::254", "fc00::1", "224.0.0.1",
            "::ffff:127.0.0.1", "::ffff:169.254.169.254"})
    void refusesNonPublicAddresses(String address) throws UnknownHostException {
        assertThat(AddressPolicy.publicOnly().permits(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:2800:220:1:248:1893:25c8:1946"})
    void permitsPublicAddresses(String address) throws UnknownHostException {
        assertThat(AddressPolicy.publicOnly().permits(InetAddress.getByName(address))).isTrue();
    }

    @Test
    void allowListOpensOnlyTheListedRange() throws UnknownHostException {
        AddressPolicy policy = AddressPolicy.allowing(List.of("127.0.0.1/32", "10.20.0.0/16"));
        assertThat(policy.permits(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(policy.permits(InetAddress.getByName("127.0.0.2"))).isFalse();
        assertThat(policy.permits(InetAddress.getByName("10.20.3.4"))).isTrue();
        assertThat(policy.permits(InetAddress.getByName("10.21.3.4"))).isFalse();
        assertThat(policy.permits(InetAddress.getByName("169.254.169.254"))).isFalse();
    }

    @Test
    void checkResolvesNamesAndRefusesLocalhost() {
        assertThatThrownBy(() -> AddressPolicy.publicOnly().check("localhost"))
                .isInstanceOf(FetchException.class).hasMessageContaining("not a public address")
                .extracting(e -> ((FetchException) e).reason()).isEqualTo("address-refused");
    }

    @Test
    void rejectsMalformedRanges() {
        assertThatThrownBy(() -> AddressPolicy.allowing(List.of("example.com/8"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressPolicy.allowing(List.of("10.0.0.0/40"))).isInstanceOf(IllegalArgumentException.class);
    }
}
