package kz.nobd.dashboard.browser.driver;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One signed-in browser per demo user for the whole run (a browser's start and Keycloak's round trip cost seconds
 * on a shared machine), signed in at "/" the first time it is asked for; where that first page was (the role's
 * start page) is kept. Closed when the test JVM ends. A test that changes the language or the size puts it back.
 */
public final class Sessions {
    private static final Map<String, Browser> BROWSERS = new ConcurrentHashMap<>();
    private static final Map<String, String> LANDINGS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> BROWSERS.values().forEach(Browser::close),
                "e2e-browsers-close"));
    }

    private Sessions() {
    }

    /** the browser of {@code user}, at the laptop's size */
    public static synchronized Browser of(String user) {
        Browser browser = BROWSERS.computeIfAbsent(user, u -> {
            Browser signedIn = Browsers.signedIn(u, "/");
            LANDINGS.put(u, signedIn.location());
            return signedIn;
        });
        browser.resize(ViewSize.DESKTOP);
        return browser;
    }

    /** where {@code user}'s browser landed after signing in at "/" */
    public static String landing(String user) {
        of(user);
        return LANDINGS.get(user);
    }
}
