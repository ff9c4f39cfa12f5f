package dev.fraiseql.core.config;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import static org.assertj.core.api.Assertions.assertThat;


/** Random users, passwords, hosts and database names survive the trip through the URL and pgjdbc's own parser. */
class DatabaseUrlRoundTripTest {

    private static final String ALPHABET = "abcXYZ019 -._~@:/?#[]%&+=;,'\"\\$é€😀";
    private static final String[] HOSTS = {"db", "db.example.com", "10.0.0.7", "[::1]", "[2001:db8::42]"};

    @TestFactory
    Stream<DynamicTest> encodedCredentialsAndNamesComeBackUnchanged() {
        long seed = Long.getLong("seed", System.nanoTime());
        Random random = new Random(seed);
        return IntStream.range(0, 200).mapToObj(i -> {
            String user = text(random, 1 + random.nextInt(12));
            String password = text(random, random.nextInt(16));
            String database = text(random, 1 + random.nextInt(12));
            String host = HOSTS[random.nextInt(HOSTS.length)];
            int port = 1 + random.nextInt(65535);
            String url = (random.nextBoolean() ? "postgresql://" : "postgres://") + encode(user) + ":"
                    + encode(password) + "@" + host + ":" + port + "/" + encode(database);
            return DynamicTest.dynamicTest("seed " + seed + " #" + i, () -> {
                DatabaseUrl parsed = DatabaseUrl.parse(url);
                assertThat(parsed.user()).as("seed %d: %s", seed, url).isEqualTo(user);
                assertThat(parsed.password()).as("seed %d: %s", seed, url).isEqualTo(password);
                Properties pgjdbc = org.postgresql.Driver.parseURL(parsed.jdbcUrl(), new Properties());
                assertThat(pgjdbc).as("seed %d: %s", seed, parsed.jdbcUrl()).isNotNull();
                assertThat(pgjdbc.getProperty("PGDBNAME")).as("seed %d", seed).isEqualTo(database);
                assertThat(pgjdbc.getProperty("PGHOST")).as("seed %d", seed).isEqualTo(host);
                assertThat(pgjdbc.getProperty("PGPORT")).as("seed %d", seed).isEqualTo(Integer.toString(port));
                if (!password.isEmpty()) {
                    assertThat(DatabaseUrl.mask(url)).as("seed %d", seed).doesNotContain(":" + encode(password) + "@");
                    assertThat(parsed.toString()).as("seed %d", seed).contains("password=****");
                }
            });
        });
    }

    private static String text(Random random, int length) {
        int[] codePoints = ALPHABET.codePoints().toArray();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        return text.toString();
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters. */
    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
