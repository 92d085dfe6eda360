package kz.nobd.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * A service's {@code application.properties} read in the prod profile (the packaged jar's) with only the
 * environment a test gives, none by default: what a server sees where an operator forgot a variable.
 */
public final class ProdProfile {
    /** A variable whose name says it holds a secret. */
    private static final Pattern SECRET = Pattern.compile("NOBD_\\w*(PASSWORD|SECRET|_KEY)");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)(:[^}]*)?}");

    private ProdProfile() {
    }

    /** The configuration with {@code environment} as its environment variables. */
    public static SmallRyeConfig with(Map<String, String> environment) {
        return builder(environment).build();
    }

    /**
     * Why building the configuration with {@code environment} and {@code mappings} fails (as Quarkus validates the
     * mappings before start-up), or "" if it does not.
     */
    public static String startUpFailure(Map<String, String> environment, Class<?>... mappings) {
        SmallRyeConfigBuilder builder = builder(environment);
        for (Class<?> mapping : mappings) {
            builder.withMapping(mapping);
        }
        try {
            builder.build();
            return "";
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    /**
     * For each variable of {@code secrets}, why start-up fails when only that one is missing ("" if it does not).
     */
    public static Map<String, String> startUpFailureWithoutEach(Map<String, String> secrets, Class<?>... mappings) {
        Map<String, String> failures = new TreeMap<>();
        for (String variable : secrets.keySet()) {
            Map<String, String> others = new java.util.HashMap<>(secrets);
            others.remove(variable);
            failures.put(variable, startUpFailure(others, mappings));
        }
        return failures;
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

    private static SmallRyeConfigBuilder builder(Map<String, String> environment) {
        try {
            return new SmallRyeConfigBuilder().withProfile("prod")
                    .withSources(new PropertiesConfigSource(file(), 250), new EnvConfigSource(environment, 300));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
