package kz.nobd.report.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MediaType;

import kz.nobd.support.ApiException;
import kz.nobd.support.CsvFormat;
import kz.nobd.support.Params;

/**
 * The representations of an SDMX data message (docs/report.md, "SDMX export"), chosen by {@code Accept}: SDMX-CSV
 * 2.0 ({@value #SDMX_CSV}, also for {@code *}{@code /*}, {@code application/*} or no Accept), or the same bytes as
 * plain {@code text/csv}. Of the optional parameters of the SDMX media type only the defaults are offered (labels
 * id, keys none; timeFormat original or normalized, the same for a day); anything else is a 406 problem+json
 * saying what is offered.
 */
enum SdmxFormat {
    SDMX("sdmx-csv", SdmxFormat.SDMX_CSV), CSV("csv", CsvFormat.MEDIA_TYPE);

    static final String SDMX_CSV = "application/vnd.sdmx.data+csv;version=2.0.0";
    private static final String SDMX_SUBTYPE = "vnd.sdmx.data+csv";
    private static final Map<String, Set<String>> SDMX_PARAMETERS = Map.of("version", Set.of("2.0.0"), "labels",
            Set.of("id"), "keys", Set.of("none"), "timeformat", Set.of("original", "normalized"));

    /** The audit's name of the format and the Content-Type of the answer. */
    final String name;
    final String mediaType;

    SdmxFormat(String name, String mediaType) {
        this.name = name;
        this.mediaType = mediaType;
    }

    /** The first acceptable representation, in the client's order of preference; 406 if there is none. */
    static SdmxFormat of(List<MediaType> acceptable) {
        for (MediaType t : acceptable) {
            if (refused(t)) {
                continue;
            }
            String type = t.getType().toLowerCase(Locale.ROOT);
            String subtype = t.getSubtype().toLowerCase(Locale.ROOT);
            if (t.isWildcardType() || type.equals("application")
                    && (t.isWildcardSubtype() || subtype.equals(SDMX_SUBTYPE) && offered(t))) {
                return SDMX;
            }
            if (type.equals("text") && (t.isWildcardSubtype() || subtype.equals("csv"))) {
                return CSV;
            }
        }
        String asked = acceptable.stream().map(MediaType::toString).collect(Collectors.joining(", "));
        throw new ApiException(406, "Not Acceptable", "this endpoint answers " + SDMX_CSV
                + " (SDMX-CSV 2.0; of its options only labels=id, keys=none, timeFormat=original or normalized) or"
                + " text/csv; Accept was '" + Params.shownControls(asked.length() > 200 ? asked.substring(0, 200)
                        + "..." : asked) + "'", List.of());
    }

    /** Whether the client said it does not want {@code t} at all (q=0). */
    private static boolean refused(MediaType t) {
        String q = t.getParameters().get("q");
        try {
            return q != null && Double.parseDouble(q) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Whether every option of the SDMX media type asked for is one this endpoint gives. */
    private static boolean offered(MediaType t) {
        for (Map.Entry<String, String> p : t.getParameters().entrySet()) {
            Set<String> values = SDMX_PARAMETERS.get(p.getKey().toLowerCase(Locale.ROOT));
            if (values != null && !values.contains(p.getValue().strip().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
