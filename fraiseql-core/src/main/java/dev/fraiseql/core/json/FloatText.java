package dev.fraiseql.core.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Writes a JSON number as the SQL projection prints a {@code Float}: an integral value below 1e7 as
 * the integer and {@code .0}, anything else as PostgreSQL's {@code float8} output (the shortest
 * decimal that reads back as the same double, fixed-point for decimal exponents in [-4, 15),
 * {@code d.ddde+XX} otherwise).
 */
final class FloatText {

    private static final long FIFTEEN_DIGITS = 1_000_000_000_000_000L;
    private static final byte[] ZERO = {'0', '.', '0'};

    /** The size of the scratch array {@link #write} needs. */
    static final int SCRATCH = 16;

    private FloatText() {
    }

    static void write(byte[] json, int start, int end, byte[] scratch, ByteSink out) {
        int i = start;
        boolean negative = json[i] == '-';
        if (negative) {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int exponent = 0;
        boolean point = false;
        for (; i < end; i++) {
            byte b = json[i];
            if (b == '.') {
                point = true;
                continue;
            }
            if (b < '0' || b > '9' || digits == 18) {
                slow(json, start, end, out);
                return;
            }
            if (mantissa == 0 && b == '0') {
                exponent -= point ? 1 : 0;
                continue;
            }
            mantissa = mantissa * 10 + (b - '0');
            digits++;
            exponent -= point ? 1 : 0;
        }
        if (mantissa == 0) {
            out.write(ZERO, 0, ZERO.length);
            return;
        }
        while (mantissa % 10 == 0) {
            mantissa /= 10;
            exponent++;
        }
        // Up to 15 significant digits a decimal is the shortest text of its own double (DBL_DIG), so
        // its digits are what PostgreSQL prints, and it is integral exactly when the decimal is. From
        // 2^53 up such a decimal can be exactly halfway between two doubles, which PostgreSQL's
        // shortest output does not accept, so larger values take the slow path.
        int length = decimalLength(mantissa);
        if (mantissa >= FIFTEEN_DIGITS || exponent < -290 || exponent + length > 15) {
            slow(json, start, end, out);
            return;
        }
        if (negative) {
            out.write('-');
        }
        if (exponent >= 0 && length + exponent <= 7) {
            writeDigits(mantissa, length, out);
            for (int z = 0; z < exponent; z++) {
                out.write('0');
            }
            out.write('.');
            out.write('0');
            return;
        }
        long m = mantissa;
        for (int d = length - 1; d >= 0; d--) {
            scratch[d] = (byte) ('0' + m % 10);
            m /= 10;
        }
        shortest(scratch, length, exponent + length - 1, out);
    }

    /** Numbers with many digits or an exponent: parse, then search the shortest round-trip decimal. */
    private static void slow(byte[] json, int start, int end, ByteSink out) {
        String text = new String(json, start, end - start, StandardCharsets.US_ASCII);
        double f;
        try {
            f = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            out.write(json, start, end - start);
            return;
        }
        if (Double.isInfinite(f) || f == 0 && hasNonZeroDigit(json, start, end)) {
            // PostgreSQL rejects such a float8 cast (the query fails); the number is copied as written.
            out.write(json, start, end - start);
            return;
        }
        if (f == Math.rint(f) && Math.abs(f) < 1e7) {
            out.write(Long.toString((long) f).getBytes(StandardCharsets.US_ASCII));
            out.write('.');
            out.write('0');
            return;
        }
        if (f < 0) {
            out.write('-');
        }
        BigDecimal decimal = shortestDecimal(Math.abs(f)).stripTrailingZeros();
        byte[] digits = decimal.unscaledValue().toString().getBytes(StandardCharsets.US_ASCII);
        shortest(digits, digits.length, digits.length - 1 - decimal.scale(), out);
    }

    /**
     * The shortest decimal strictly inside the interval of values that read back as {@code f} (PostgreSQL's
     * Ryu does not accept the bounds themselves), the nearest to {@code f} among those of that length.
     */
    private static BigDecimal shortestDecimal(double f) {
        BigDecimal exact = new BigDecimal(f);
        BigDecimal half = BigDecimal.valueOf(5, 1);
        BigDecimal low = exact.add(new BigDecimal(Math.nextDown(f))).multiply(half);
        double up = Math.nextUp(f);
        BigDecimal high = Double.isInfinite(up) ? exact.add(new BigDecimal(Math.ulp(f)).multiply(half))
                : exact.add(new BigDecimal(up)).multiply(half);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (nearest.compareTo(low) > 0 && nearest.compareTo(high) < 0) {
                return nearest;
            }
            // Next to a power of two the interval is lopsided, so the other neighbour of the same
            // length may be inside it when the nearest is not.
            BigDecimal other = nearest.compareTo(exact) < 0 ? nearest.add(nearest.ulp()) : nearest.subtract(nearest.ulp());
            if (other.compareTo(low) > 0 && other.compareTo(high) < 0) {
                return other;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    /** PostgreSQL's {@code to_chars}: fixed-point for exponents in [-4, 15), scientific otherwise. */
    private static void shortest(byte[] digits, int length, int exponent, ByteSink out) {
        if (exponent >= -4 && exponent < 15) {
            if (exponent < 0) {
                out.write('0');
                out.write('.');
                for (int z = -1; z > exponent; z--) {
                    out.write('0');
                }
                out.write(digits, 0, length);
            } else if (length <= exponent + 1) {
                out.write(digits, 0, length);
                for (int z = length; z <= exponent; z++) {
                    out.write('0');
                }
            } else {
                out.write(digits, 0, exponent + 1);
                out.write('.');
                out.write(digits, exponent + 1, length - exponent - 1);
            }
            return;
        }
        out.write(digits[0]);
        if (length > 1) {
            out.write('.');
            out.write(digits, 1, length - 1);
        }
        out.write('e');
        out.write(exponent < 0 ? '-' : '+');
        int e = Math.abs(exponent);
        if (e >= 100) {
            out.write('0' + e / 100);
        }
        out.write('0' + e / 10 % 10);
        out.write('0' + e % 10);
    }

    private static void writeDigits(long value, int length, ByteSink out) {
        long divisor = 1;
        for (int d = 1; d < length; d++) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            out.write((int) ('0' + value / divisor % 10));
        }
    }

    private static int decimalLength(long value) {
        int length = 1;
        while (value >= 10) {
            value /= 10;
            length++;
        }
        return length;
    }

    private static boolean hasNonZeroDigit(byte[] json, int start, int end) {
        for (int i = start; i < end; i++) {
            if (json[i] == 'e' || json[i] == 'E') {
                return false;
            }
            if (json[i] >= '1' && json[i] <= '9') {
                return true;
            }
        }
        return false;
    }
}
