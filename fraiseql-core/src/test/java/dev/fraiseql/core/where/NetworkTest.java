package dev.fraiseql.core.where;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class NetworkTest {

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.1", "0.0.0.0/0", "10.0.0.1/8", "::", "::1", "1::", "2001:db8::ff00:42:8329",
            "2001:0db8:0000:0000:0000:ff00:0042:8329", "::ffff:1.2.3.4", "fe80::/10", "1:2:3:4:5:6:7::",
            "1:2:3:4:5:6:1.2.3.4", "2001:db8::/128"})
    void validAddressesAreAccepted(String address) {
        assertThat(Network.inet(address, "where.ip.eq", false)).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4/33", "1.2.3.4/01", "02001:db8::/32", ":::",
            "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", ":1:2:3:4:5:6:7", "1.2.3.4::", "g::1", "::1/129",
            "localhost", "example.com", "", "::ffff:1.2.3"})
    void malformedAddressesAreRejected(String address) {
        assertThatThrownBy(() -> Network.inet(address, "where.ip.eq", false))
                .isInstanceOf(FilterException.class)
                .hasMessageStartingWith("Invalid value for where.ip.eq: \"" + address + "\" is not an IP address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1/8", "2001:db8::1/32", "192.168.1.1/24"})
    void cidrValuesNeedZeroHostBits(String network) {
        assertThatThrownBy(() -> Network.inet(network, "where.net.eq", true))
                .hasMessageEndingWith("is not a CIDR network (for example 10.0.0.0/8; host bits must be zero)");
    }
}
