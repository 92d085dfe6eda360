package kz.nobd.dashboard.service;

import java.util.List;
import java.util.Locale;

/**
 * The page's language: Kazakh or Russian, chosen by the reader (cookie {@value #COOKIE}, set by /language/{code}),
 * else the browser's first preference of the two, else Kazakh (the state language).
 */
public final class Languages {
    public static final String COOKIE = "nobd-lang";
    public static final List<String> SUPPORTED = List.of("kk", "ru");
    public static final String DEFAULT = "kk";

    private Languages() {
    }

    public static String choose(String cookie, List<Locale> accepted) {
        if (cookie != null && SUPPORTED.contains(cookie)) {
            return cookie;
        }
        for (Locale locale : accepted) {
            if (SUPPORTED.contains(locale.getLanguage())) {
                return locale.getLanguage();
            }
        }
        return DEFAULT;
    }

    /** numbers are written the Kazakhstan way in both languages: 1 234,5 */
    public static Locale locale(String language) {
        return Locale.forLanguageTag(language + "-KZ");
    }
}
