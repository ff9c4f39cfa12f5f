package dev.fraiseql.core.where;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Validates inet and cidr values in Java, without name lookups, so PostgreSQL never sees a malformed address. */
final class Network {

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private Network() {
    }

    static String inet(String s, String path, boolean cidr) {
        String what = cidr ? "a CIDR network (for example 10.0.0.0/8; host bits must be zero)"
                : "an IP address (for example 192.168.1.1 or 10.0.0.0/8 or ::1)";
        int slash = s.indexOf('/');
        String address = slash < 0 ? s : s.substring(0, slash);
        byte[] bytes = parse(address);
        if (bytes == null) {
            throw FilterException.invalidValue(path, s, what);
        }
        int max = bytes.length * 8;
        int prefix = max;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > max) {
                throw FilterException.invalidValue(path, s, what);
            }
            prefix = Integer.parseInt(p);
        }
        if (cidr) {
            for (int bit = prefix; bit < max; bit++) {
                if ((bytes[bit / 8] & (0x80 >> (bit % 8))) != 0) {
                    throw FilterException.invalidValue(path, s, what);
                }
            }
        }
        return s;
    }

    private static byte[] parse(String address) {
        if (IPV4.matcher(address).matches()) {
            String[] parts = address.split("\\.");
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                b[i] = (byte) Integer.parseInt(parts[i]);
            }
            return b;
        }
        // Only literal IPv6 text reaches InetAddress: with a ':' present it parses and never resolves a name.
        if (address.indexOf(':') >= 0 && IPV6_CHARS.matcher(address).matches()) {
            try {
                byte[] b = InetAddress.getByName(address).getAddress();
                if (b.length == 4) {
                    // an IPv4-mapped address: PostgreSQL keeps it as IPv6
                    byte[] v6 = new byte[16];
                    v6[10] = (byte) 0xff;
                    v6[11] = (byte) 0xff;
                    System.arraycopy(b, 0, v6, 12, 4);
                    return v6;
                }
                return b;
            } catch (UnknownHostException e) {
                return null;
            }
        }
        return null;
    }
}
