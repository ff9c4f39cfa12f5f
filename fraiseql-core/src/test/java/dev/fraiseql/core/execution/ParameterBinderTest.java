package dev.fraiseql.core.execution;

import com.zaxxer.hikari.HikariDataSource;
import dev.fraiseql.core.sql.SqlStatement;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class ParameterBinderTest {

    private static final UUID U1 = UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    private static final UUID U2 = UUID.fromString("00000000-0000-0000-0000-000000000002");

    private static TestDatabase db;
    private static QueryExecutor executor;

    @BeforeAll
    static void start() throws Exception {
        db = new TestDatabase("exec_binder");
        db.execute("CREATE TABLE item (id uuid PRIMARY KEY, n int)",
                "INSERT INTO item VALUES ('" + U1 + "', 1), ('" + U2 + "', 2)");
        HikariDataSource pool = db.pool(1, 0);
        executor = new QueryExecutor(pool, ExecutorSettings.DEFAULT);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    /** The PostgreSQL type the parameter arrived as and its text form, both read back from the server. */
    private static List<String> typeAndText(Object value) {
        return executor.query(new SqlStatement("SELECT pg_typeof(?)::text, (?)::text", List.of(value, value)),
                rs -> {
                    rs.next();
                    return List.of(rs.getString(1), rs.getString(2));
                });
    }

    private static Object roundTrip(Object value) {
        return executor.query(new SqlStatement("SELECT ?", List.of(value)), rs -> {
            rs.next();
            return rs.getObject(1);
        });
    }

    @Test
    void stringsArriveAsTextByteForByte() {
        String hostile = "it's \"quoted\" ? ?? $$ -- /* é ✓ \\";

        assertThat(roundTrip(hostile)).isEqualTo(hostile);
        assertThat(typeAndText(hostile)).containsExactly("character varying", hostile);
    }

    @Test
    void numbersKeepTheirTypeAndValue() {
        assertThat(roundTrip(42)).isEqualTo(42);
        assertThat(roundTrip(9_000_000_000L)).isEqualTo(9_000_000_000L);
        assertThat(roundTrip(2.5d)).isEqualTo(2.5d);
        assertThat(roundTrip(new BigDecimal("12345678901234567890.0123"))).isEqualTo(
                new BigDecimal("12345678901234567890.0123"));
        assertThat(typeAndText(42)).containsExactly("integer", "42");
        assertThat(typeAndText(9_000_000_000L)).containsExactly("bigint", "9000000000");
        assertThat(typeAndText(2.5d)).containsExactly("double precision", "2.5");
        assertThat(typeAndText(new BigDecimal("1.50"))).containsExactly("numeric", "1.50");
    }

    @Test
    void booleansUuidsAndDatesKeepTheirTypeAndValue() {
        assertThat(roundTrip(true)).isEqualTo(true);
        assertThat(roundTrip(U1)).isEqualTo(U1);
        assertThat(typeAndText(false)).containsExactly("boolean", "false");
        assertThat(typeAndText(U1)).containsExactly("uuid", U1.toString());
        assertThat(typeAndText(LocalDate.of(2024, 2, 29))).containsExactly("date", "2024-02-29");
    }

    @Test
    void timestampsArriveAsTheSameInstant() {
        OffsetDateTime odt = OffsetDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000, ZoneOffset.ofHours(2));
        Instant instant = odt.toInstant();

        for (Object value : List.of(odt, instant)) {
            String sql = "SELECT pg_typeof(?)::text, to_char((?)::timestamptz AT TIME ZONE 'UTC', "
                    + "'YYYY-MM-DD HH24:MI:SS.US')";
            List<String> read = executor.query(new SqlStatement(sql, List.of(value, value)), rs -> {
                rs.next();
                return List.of(rs.getString(1), rs.getString(2));
            });
            assertThat(read).containsExactly("timestamp with time zone", "2024-02-29 11:45:30.123456");
        }
    }

    @Test
    void aNullParameterIsSqlNull() {
        boolean isNull = executor.query(new SqlStatement("SELECT (?::int) IS NULL", Arrays.asList((Object) null)),
                rs -> {
                    rs.next();
                    return rs.getBoolean(1);
                });

        assertThat(isNull).isTrue();
    }

    @Test
    void listsAndArraysBecomeTypedSqlArrays() {
        assertThat(typeAndText(List.of("a", "b'c", "d,e"))).containsExactly("text[]", "{a,b'c,\"d,e\"}");
        assertThat(typeAndText(List.of(1, 2L))).containsExactly("bigint[]", "{1,2}");
        assertThat(typeAndText(List.of(1, 2.5d, new BigDecimal("3.25")))).containsExactly("numeric[]",
                "{1,2.5,3.25}");
        assertThat(typeAndText(List.of(U1, U2))).containsExactly("uuid[]", "{" + U1 + "," + U2 + "}");
        assertThat(typeAndText(List.of(true, false))).containsExactly("boolean[]", "{t,f}");
        assertThat(typeAndText(List.of(LocalDate.of(2024, 1, 2)))).containsExactly("date[]", "{2024-01-02}");
        assertThat(typeAndText(new String[] {"x", "y"})).containsExactly("text[]", "{x,y}");
        assertThat(typeAndText(new int[] {3, 4})).containsExactly("bigint[]", "{3,4}");
        assertThat(typeAndText(Arrays.asList("a", null))).containsExactly("text[]", "{a,NULL}");
    }

    @Test
    void anArrayParameterMatchesWithAny() {
        assertThat(countItems(List.of(U2, UUID.randomUUID()))).isEqualTo(1);
        assertThat(countItems(new UUID[] {U1, U2})).isEqualTo(2);
    }

    @Test
    void anEmptyListTakesItsArrayTypeFromTheContext() {
        assertThat(countItems(List.of())).isZero();
        assertThat(countItems(Arrays.asList(null, null))).isZero();
    }

    private static long countItems(Object ids) {
        return executor.query(new SqlStatement("SELECT count(*) FROM item WHERE id = ANY(?)", List.of(ids)), rs -> {
            rs.next();
            return rs.getLong(1);
        });
    }

    @Test
    void aListMixingTypesIsRejectedWithTheFix() {
        assertThatThrownBy(() -> typeAndText(List.of("a", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Parameter 1 is a list mixing text and int8 elements; PostgreSQL arrays hold one element "
                        + "type, so pass one type per list");
    }

    @Test
    void aNonFiniteNumberInAListIsRejected() {
        assertThatThrownBy(() -> typeAndText(List.of(1.5d, Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Parameter 1 is a list of numbers holding NaN, which a numeric[] array cannot hold; "
                        + "pass finite values only");
    }

    @Test
    void aNaNScalarIsBoundAsDoublePrecision() {
        assertThat(typeAndText(Double.NaN)).containsExactly("double precision", "NaN");
    }

    @Test
    void anUnsupportedTypeIsRejectedWithTheSupportedOnes() {
        assertThatThrownBy(() -> roundTrip(new StringBuilder("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Parameter 1 has type java.lang.StringBuilder, which cannot be bound; use String, "
                        + "Integer, Long, Double, BigDecimal, Boolean, UUID, LocalDate, OffsetDateTime, Instant, a List "
                        + "or an array of those, or SqlStatement.NullParameter");
    }

    @Test
    void anUnsupportedArrayElementIsRejected() {
        assertThatThrownBy(() -> roundTrip(List.of(new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Parameter 1 is a list with an element of type java.lang.Object, which cannot be an array "
                        + "element; use String, Integer, Long, Double, BigDecimal, Boolean, UUID, LocalDate, "
                        + "OffsetDateTime or Instant elements");
    }
}
