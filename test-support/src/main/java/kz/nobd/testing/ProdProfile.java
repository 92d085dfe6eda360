package kz.nobd.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * A service's {@code application.properties} read in the prod profile (the packaged jar's) with no environment at
 * all, as on a server where an operator forgot to set a variable.
 */
public final class ProdProfile {
    /** A variable whose name says it holds a secret. */
    private static final Pattern SECRET = Pattern.compile("NOBD_\\w*(PASSWORD|SECRET|_KEY)");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)(:[^}]*)?}");

    private ProdProfile() {
    }

    /** The configuration the packaged jar would see with no environment variable set. */
    public static SmallRyeConfig withoutEnvironment() {
        try {
            return new SmallRyeConfigBuilder().withProfile("prod")
                    .withSources(new PropertiesConfigSource(file(), 250)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why reading {@code property} fails with no environment, or "" if it does not fail. */
    public static String failureReading(String property) {
        try {
            withoutEnvironment().getOptionalValue(property, String.class);
            return "";
        } catch (NoSuchElementException e) {
            return e.getMessage();
        }
    }

    /** Every secret variable (by its name) used outside the %test profile, with the property using it. */
    public static Map<String, String> secrets() {
        Map<String, String> found = new TreeMap<>();
        raw().forEach((property, value) -> {
            Matcher m = EXPRESSION.matcher(value);
            while (m.find()) {
                if (SECRET.matcher(m.group(1)).matches() && !property.startsWith("%test.")) {
                    found.put(m.group(1), property + (m.group(2) == null ? "" : " (default " + m.group(2) + ")"));
                }
            }
        });
        return found;
    }

    private static Map<String, String> raw() {
        Properties props = new Properties();
        try (InputStream in = file().openStream()) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> all = new TreeMap<>();
        props.forEach((k, v) -> all.put((String) k, (String) v));
        return all;
    }

    private static URL file() {
        URL url = Thread.currentThread().getContextClassLoader().getResource("application.properties");
        if (url == null) {
            throw new IllegalStateException("no application.properties on the class path");
        }
        return url;
    }
}
