package dev.fraiseql.core.config;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class DatabaseUrlTest {

    private static final String FORMS = "Use postgresql://user:password@host:5432/database (percent-encode special"
            + " characters in the user and password, e.g. @ as %40) or jdbc:postgresql://host:5432/database.";

    /** input, JDBC URL, user, password, pgjdbc properties. */
    private static final String[][] ACCEPTED = {
        {"postgresql://app:secret@db:5432/library", "jdbc:postgresql://db:5432/library", "app", "secret", "{}"},
        {"postgres://app@db/library", "jdbc:postgresql://db:5432/library", "app", null, "{}"},
        {"postgresql://us%40er:p%40ss%3Aw%2Fd@db/lib", "jdbc:postgresql://db:5432/lib", "us@er", "p@ss:w/d", "{}"},
        {"postgresql://app:pa+ss@db/lib", "jdbc:postgresql://db:5432/lib", "app", "pa+ss", "{}"},
        {"postgresql://app:p@ss@db/lib", "jdbc:postgresql://db:5432/lib", "app", "p@ss", "{}"},
        {"postgresql://app:%C3%A9t%C3%A9@db/lib", "jdbc:postgresql://db:5432/lib", "app", "été", "{}"},
        {"postgresql://app:secret@[::1]:6543/lib", "jdbc:postgresql://[::1]:6543/lib", "app", "secret", "{}"},
        {"postgresql://[2001:db8::1]/lib", "jdbc:postgresql://[2001:db8::1]:5432/lib", null, null, "{}"},
        {"postgresql://h1:5432,h2:5433,[::1]/lib?target_session_attrs=read-write",
            "jdbc:postgresql://h1:5432,h2:5433,[::1]:5432/lib", null, null, "{targetServerType=primary}"},
        {"postgresql:///lib?host=/var/run/postgresql", "jdbc:postgresql://localhost:5432/lib", null, null,
            "{socketFactory=org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg,"
                + " socketFactoryArg=/var/run/postgresql/.s.PGSQL.5432}"},
        {"postgresql://%2Fvar%2Frun%2Fpostgresql:5433/lib", "jdbc:postgresql://localhost:5433/lib", null, null,
            "{socketFactory=org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg,"
                + " socketFactoryArg=/var/run/postgresql/.s.PGSQL.5433}"},
        {"postgresql://db/lib?sslmode=verify-full&application_name=my%20app&connect_timeout=5",
            "jdbc:postgresql://db:5432/lib", null, null,
            "{sslmode=verify-full, ApplicationName=my app, connectTimeout=5}"},
        {"postgresql://db/lib?user=app&password=s%26cret", "jdbc:postgresql://db:5432/lib", "app", "s&cret", "{}"},
        {"postgresql://db/lib?options=-c%20search_path%3Dapp&prepareThreshold=0", "jdbc:postgresql://db:5432/lib",
            null, null, "{options=-c search_path=app, prepareThreshold=0}"},
        {"postgresql://db/lib?port=6000", "jdbc:postgresql://db:6000/lib", null, null, "{}"},
        {"postgresql://db/my%20db", "jdbc:postgresql://db:5432/my+db", null, null, "{}"},
        {"postgresql://db", "jdbc:postgresql://db:5432/", null, null, "{}"},
        {"postgresql://", "jdbc:postgresql://localhost:5432/", null, null, "{}"},
        {"  postgresql://db/lib  ", "jdbc:postgresql://db:5432/lib", null, null, "{}"},
        {"jdbc:postgresql://db:5432/library", "jdbc:postgresql://db:5432/library", null, null, "{}"},
        {"jdbc:postgresql://db/library?user=app&password=secret&sslmode=require", "jdbc:postgresql://db/library",
            "app", "secret", "{sslmode=require}"},
        {"jdbc:postgresql://h1:1,h2:2/lib?password=a%26b", "jdbc:postgresql://h1:1,h2:2/lib", null, "a&b", "{}"},
        {"jdbc:postgresql://[::1]:5432/lib", "jdbc:postgresql://[::1]:5432/lib", null, null, "{}"},
        {"jdbc:postgresql:library", "jdbc:postgresql:library", null, null, "{}"},
    };

    /** input, exact message. */
    private static final String[][] REJECTED = {
        {"mysql://app:secret@db/x", "Invalid setting fraiseql.db.url=mysql://app:****@db/x: it does not"
            + " start with postgresql://, postgres:// or jdbc:postgresql:. " + FORMS},
        {"db.example.com:5432/lib", "Invalid setting fraiseql.db.url=db.example.com:5432/lib: it does not"
            + " start with postgresql://, postgres:// or jdbc:postgresql:. " + FORMS},
        {"postgresql://app:secret@db:54x2/lib", "Invalid setting"
            + " fraiseql.db.url=postgresql://app:****@db:54x2/lib: the port 54x2 is not a number. " + FORMS},
        {"postgresql://db:70000/lib", "Invalid setting fraiseql.db.url=postgresql://db:70000/lib: the port"
            + " 70000 is outside 1-65535. " + FORMS},
        {"postgresql://[::1/lib", "Invalid setting fraiseql.db.url=postgresql://[::1/lib: the IPv6 host"
            + " [::1 has no closing ]. " + FORMS},
        {"postgresql://::1/lib", "Invalid setting fraiseql.db.url=postgresql://::1/lib: the host ::1 looks"
            + " like an IPv6 address without brackets (write it as [address]:port). " + FORMS},
        {"postgresql://app:p%zzss@db/lib", "Invalid setting fraiseql.db.url=postgresql://app:****@db/lib:"
            + " the password has a malformed percent-escape (write % as %25). " + FORMS},
        {"postgresql://a,,b/lib", "Invalid setting fraiseql.db.url=postgresql://a,,b/lib: the host list"
            + " has an empty host. " + FORMS},
        {"postgresql://db/lib?sslmode=sometimes", "Invalid setting"
            + " fraiseql.db.url=postgresql://db/lib?sslmode=sometimes: sslmode=sometimes is not one of disable,"
            + " allow, prefer, require, verify-ca, verify-full. " + FORMS},
        {"postgresql://db/lib?password=secret&flag", "Invalid setting"
            + " fraiseql.db.url=postgresql://db/lib?password=****&flag: the parameter flag has no name=value form. "
            + FORMS},
        {"postgresql://db/lib#main", "Invalid setting fraiseql.db.url=postgresql://db/lib#main: it has a"
            + " #fragment, which a database URL cannot have. " + FORMS},
        {"jdbc:postgresql://db:port/lib?password=secret", "Invalid setting"
            + " fraiseql.db.url=jdbc:postgresql://db:port/lib?password=****: pgjdbc cannot parse it (check the host"
            + " list, the port numbers and the parameters). " + FORMS},
    };

    @TestFactory
    Stream<DynamicTest> acceptedUrlsBecomeTheirJdbcForm() {
        return Arrays.stream(ACCEPTED).map(row -> DynamicTest.dynamicTest(row[0], () -> {
            DatabaseUrl url = DatabaseUrl.parse(row[0]);
            assertThat(url.jdbcUrl()).isEqualTo(row[1]);
            assertThat(url.user()).isEqualTo(row[2]);
            assertThat(url.password()).isEqualTo(row[3]);
            assertThat(url.properties()).hasToString(row[4]);
        }));
    }

    @TestFactory
    Stream<DynamicTest> malformedUrlsAreRejectedWithTheMaskedValueAndTheFix() {
        return Arrays.stream(REJECTED).map(row -> DynamicTest.dynamicTest(row[0], () ->
                assertThatThrownBy(() -> DatabaseUrl.parse(row[0]))
                        .isInstanceOf(InvalidSettingException.class)
                        .hasMessage(row[1])
                        .hasMessageNotContaining("secret")));
    }

    @Test
    void aMissingUrlNamesThePropertyAndTheEnvironmentVariable() {
        assertThatThrownBy(() -> DatabaseUrl.parse("  "))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Invalid setting fraiseql.db.url: no database URL is set. Set fraiseql.db.url"
                        + " (or the DATABASE_URL environment variable, or spring.datasource.url), or define a"
                        + " JdbcConnectionDetails bean. " + FORMS)
                .extracting(e -> ((InvalidSettingException) e).property())
                .isEqualTo("fraiseql.db.url");
    }

    @Test
    void toStringMasksThePasswords() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:secret@db/lib?sslpassword=keypass&sslmode=require");
        assertThat(url).hasToString("DatabaseUrl[jdbcUrl=jdbc:postgresql://db:5432/lib, user=app, password=****,"
                + " properties={sslpassword=****, sslmode=require}]");
    }

    @Test
    void maskHidesUserInfoAndParameterPasswords() {
        assertThat(DatabaseUrl.mask("postgresql://app:s3cr%40t@db/lib?password=x&sslpassword=y&a=b"))
                .isEqualTo("postgresql://app:****@db/lib?password=****&sslpassword=****&a=b");
        assertThat(DatabaseUrl.mask("postgresql://app@db/lib")).isEqualTo("postgresql://app@db/lib");
    }
}
