package org.beiqin.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fresh database on the real PostgreSQL server (started by {@code deploy/postgres.sh}) for one
 * test run, dropped afterwards. Server and role come from {@code BEIQIN_PG_*}, defaulting to what
 * the deploy scripts create.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String host;
    private String port;
    private String user;
    private String password;
    private String database;

    @Override
    public Map<String, String> start() {
        host = env("BEIQIN_PG_HOST", "127.0.0.1");
        port = env("BEIQIN_PG_PORT", "5432");
        user = env("BEIQIN_PG_USER", "beiqin");
        password = env("BEIQIN_PG_PASSWORD", "beiqin");
        database = "beiqin_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
        return Map.of(
                "quarkus.datasource.jdbc.url", url(database),
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    @Override
    public void stop() {
        if (database != null) {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url("postgres"), user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host + ":" + port + " as " + user
                    + " is needed for the tests: run deploy/postgres.sh start (" + e.getMessage() + ")", e);
        }
    }

    private String url(String db) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + db;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
