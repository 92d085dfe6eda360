package kz.nobd.support;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * What form of an export the client asked for: {@code ?format=json|csv|excel} first (a link in a browser cannot set
 * Accept), else CSV when {@code text/csv} is the first type of {@code Accept}; the Excel profile's language from
 * {@code ?lang=kk|ru}, else the first of kk and ru in {@code Accept-Language}, else Kazakh, the state language.
 */
public record CsvRequest(CsvFormat.Profile profile, Locale language) {
    public static final Locale KAZAKH = Locale.forLanguageTag("kk");
    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    /** The CSV the client asked for, or empty for JSON; 400 naming the parameter for a value not listed. */
    public static Optional<CsvRequest> of(String format, String lang, HttpHeaders headers) {
        Locale language = language(lang, headers);
        String f = format == null || format.isBlank() ? null : format.strip();
        if (f == null) {
            boolean csv = headers.getAcceptableMediaTypes().stream().findFirst()
                    .map(t -> t.isCompatible(MediaType.valueOf("text/csv")) && !t.isWildcardType()).orElse(false);
            return csv ? Optional.of(new CsvRequest(CsvFormat.Profile.RFC4180, language)) : Optional.empty();
        }
        return switch (f) {
            case "json" -> Optional.empty();
            case "csv" -> Optional.of(new CsvRequest(CsvFormat.Profile.RFC4180, language));
            case "excel" -> Optional.of(new CsvRequest(CsvFormat.Profile.EXCEL, language));
            default -> throw new ValidationException(List.of(new FieldError("format",
                    "format must be json, csv (RFC 4180, for programs) or excel (for spreadsheets), was '"
                            + Params.shown(f) + "'")));
        };
    }

    /** The writer of this profile; {@code bundle} names the service's header labels (Excel profile). */
    public CsvFormat format(String bundle) {
        return profile == CsvFormat.Profile.EXCEL ? CsvFormat.excel(bundle, language) : CsvFormat.rfc4180();
    }

    /** {@code Content-Disposition} offering the download as {@code <name>.csv} ({@code name}: ASCII, no quotes). */
    public static String attachment(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "-");
        return "attachment; filename=\"" + safe + ".csv\"";
    }

    private static Locale language(String lang, HttpHeaders headers) {
        if (lang != null && !lang.isBlank()) {
            return switch (lang.strip()) {
                case "kk" -> KAZAKH;
                case "ru" -> RUSSIAN;
                default -> throw new ValidationException(List.of(new FieldError("lang",
                        "lang must be kk or ru, was '" + Params.shown(lang.strip()) + "'")));
            };
        }
        for (Locale accepted : headers.getAcceptableLanguages()) {
            if (accepted.getLanguage().equals("kk")) {
                return KAZAKH;
            }
            if (accepted.getLanguage().equals("ru")) {
                return RUSSIAN;
            }
        }
        return KAZAKH;
    }
}
