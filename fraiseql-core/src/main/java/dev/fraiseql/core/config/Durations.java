package dev.fraiseql.core.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes durations the way properties files spell them: {@code 100ms}, {@code 30s}, {@code 10m}. */
public final class Durations {

    private static final Pattern SIMPLE = Pattern.compile("^(-?\\d+)(ns|us|ms|s|m|h|d)?$");

    private Durations() {
    }

    /** The shortest exact form: {@code 10m}, {@code 30s}, {@code 100ms}, {@code 1500us}. */
    public static String format(Duration duration) {
        if (duration == null) {
            return null;
        }
        long nanos;
        try {
            nanos = duration.toNanos();
        } catch (ArithmeticException e) {
            return duration.toString();
        }
        if (nanos == 0) {
            return "0";
        }
        long[] units = {86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
        String[] names = {"d", "h", "m", "s", "ms", "us"};
        for (int i = 0; i < units.length; i++) {
            if (nanos % units[i] == 0) {
                return nanos / units[i] + names[i];
            }
        }
        return nanos + "ns";
    }

    /**
     * Parses {@code 250ms}, {@code 30s}, {@code 10m}, an ISO-8601 value such as {@code PT30S}, or a bare number
     * of milliseconds.
     *
     * @throws InvalidSettingException naming the property when the text is not a duration
     */
    public static Duration parse(String property, String text) {
        String trimmed = text == null ? "" : text.trim();
        Matcher m = SIMPLE.matcher(trimmed.toLowerCase(Locale.ROOT));
        try {
            if (m.matches()) {
                long amount = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "ms" : m.group(2);
                return switch (unit) {
                    case "ns" -> Duration.ofNanos(amount);
                    case "us" -> Duration.ofNanos(Math.multiplyExact(amount, 1000L));
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            }
            return Duration.parse(trimmed);
        } catch (RuntimeException e) {
            throw new InvalidSettingException(property, text, "not a duration",
                    "Write it as a number with a unit, such as 250ms, 30s or 10m.");
        }
    }
}
