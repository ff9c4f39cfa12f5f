package dev.fraiseql.core.where;

import java.util.regex.Pattern;

/** Validates inet and cidr values in Java, without name lookups, so PostgreSQL never sees a malformed address. */
final class Network {

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private Network() {
    }

    static String inet(String s, CharSequence path, boolean cidr) {
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
            if (!p.matches("0|[1-9]\\d{0,2}") || Integer.parseInt(p) > max) {
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

    /** Strict IPv6 text: groups of 1-4 hex digits, at most one {@code ::}, an optional dotted IPv4 tail. */
    static byte[] parseV6(String address) {
        int doubleColon = address.indexOf("::");
        if (doubleColon >= 0 && address.indexOf("::", doubleColon + 1) >= 0) {
            return null;
        }
        String head = doubleColon < 0 ? address : address.substring(0, doubleColon);
        String tail = doubleColon < 0 ? "" : address.substring(doubleColon + 2);
        int[] headGroups = groups(head, tail.isEmpty() && doubleColon < 0);
        int[] tailGroups = groups(tail, true);
        if (headGroups == null || tailGroups == null) {
            return null;
        }
        int total = headGroups.length + tailGroups.length;
        if (doubleColon < 0 ? total != 8 : total > 7) {
            return null;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < headGroups.length; i++) {
            bytes[2 * i] = (byte) (headGroups[i] >> 8);
            bytes[2 * i + 1] = (byte) headGroups[i];
        }
        for (int i = 0; i < tailGroups.length; i++) {
            int at = 8 - tailGroups.length + i;
            bytes[2 * at] = (byte) (tailGroups[i] >> 8);
            bytes[2 * at + 1] = (byte) tailGroups[i];
        }
        return bytes;
    }

    /** The 16-bit groups of one side of an IPv6 address; an IPv4 tail counts as two groups when allowed. */
    private static int[] groups(String part, boolean mayEndWithIpv4) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] pieces = part.split(":", -1);
        int extra = 0;
        String last = pieces[pieces.length - 1];
        byte[] v4 = null;
        if (last.indexOf('.') >= 0) {
            if (!mayEndWithIpv4 || !IPV4.matcher(last).matches()) {
                return null;
            }
            v4 = new byte[4];
            String[] octets = last.split("\\.");
            for (int i = 0; i < 4; i++) {
                v4[i] = (byte) Integer.parseInt(octets[i]);
            }
            extra = 1;
        }
        int count = v4 == null ? pieces.length : pieces.length - 1;
        int[] out = new int[count + (v4 == null ? 0 : 2)];
        for (int i = 0; i < count; i++) {
            String g = pieces[i];
            if (g.isEmpty() || g.length() > 4) {
                return null;
            }
            int value = 0;
            for (int j = 0; j < g.length(); j++) {
                int d = Character.digit(g.charAt(j), 16);
                if (d < 0) {
                    return null;
                }
                value = value * 16 + d;
            }
            out[i] = value;
        }
        if (v4 != null && extra == 1) {
            out[count] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
            out[count + 1] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
        }
        return out;
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
        if (address.indexOf(':') >= 0) {
            return parseV6(address);
        }
        return null;
    }
}
