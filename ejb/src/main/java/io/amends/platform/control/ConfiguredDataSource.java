package io.amends.platform.control;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A plain JDBC data source whose URL and credentials come from MicroProfile Config, for the server's pool to wrap.
 *
 * <p>The server's connection pool instantiates this class (named in {@code @DataSourceDefinition}) and calls
 * {@link #getConnection()} whenever it needs a physical connection. Reading the configuration here, rather than in
 * the annotation, keeps the annotation portable and lets one build talk to H2 or PostgreSQL. The JDBC driver is
 * found through the application's own class loader, because drivers packaged in the application are invisible to
 * {@code DriverManager}.
 */
public class ConfiguredDataSource implements DataSource {

    public static final String URL = "amends.db.url";
    public static final String USER = "amends.db.user";
    public static final String PASSWORD = "amends.db.password";

    private volatile Driver driver;
    private volatile String url;
    private volatile String user;
    private volatile String password;
    private int loginTimeout;

    @Override
    public Connection getConnection() throws SQLException {
        resolve();
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        resolve();
        Properties info = new Properties();
        if (username != null) {
            info.setProperty("user", username);
        }
        if (pass != null) {
            info.setProperty("password", pass);
        }
        Connection connection = driver.connect(url, info);
        if (connection == null) {
            throw new SQLException("The JDBC driver " + driver.getClass().getName() + " refused the URL " + redacted(url));
        }
        return connection;
    }

    private void resolve() throws SQLException {
        if (driver != null) {
            return;
        }
        synchronized (this) {
            if (driver != null) {
                return;
            }
            ClassLoader loader = ConfiguredDataSource.class.getClassLoader();
            Config config = ConfigProvider.getConfig(loader);
            String configuredUrl = url != null ? url : config.getOptionalValue(URL, String.class)
                    .orElseThrow(() -> new SQLException("No database URL: set " + URL + " (environment AMENDS_DB_URL)"));
            if (user == null) {
                user = config.getOptionalValue(USER, String.class).orElse(null);
            }
            if (password == null) {
                password = config.getOptionalValue(PASSWORD, String.class).orElse("");
            }
            for (Driver candidate : ServiceLoader.load(Driver.class, loader)) {
                if (candidate.acceptsURL(configuredUrl)) {
                    url = configuredUrl;
                    driver = candidate;
                    return;
                }
            }
            throw new SQLException("No JDBC driver in the application accepts " + redacted(configuredUrl)
                    + "; Amends ships drivers for H2 (jdbc:h2:) and PostgreSQL (jdbc:postgresql:)");
        }
    }

    static String redacted(String jdbcUrl) {
        return jdbcUrl == null ? "null" : jdbcUrl.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    // Setters the pool may call with properties from the data source definition; configuration wins when absent.
    public void setUrl(String url) {
        this.url = blankToNull(url);
    }

    public void setURL(String url) {
        setUrl(url);
    }

    public void setUser(String user) {
        this.user = blankToNull(user);
    }

    public void setPassword(String password) {
        this.password = blankToNull(password);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // the server's pool logs; nothing to do
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper for " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
