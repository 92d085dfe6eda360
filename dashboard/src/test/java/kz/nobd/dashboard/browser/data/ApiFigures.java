package kz.nobd.dashboard.browser.data;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a page must show, from the API's answers, in the shapes of the page's markup (PageFigures): numbers as the
 * API wrote them, empty for null. The card's indicators and their urban/rural gaps are those of docs/report.md.
 */
public final class ApiFigures {
    public static final List<String> INDICATORS = List.of("students", "schools", "studentsPerComputer", "connectedShare",
            "broadbandShare", "needsReplacementShare");
    public static final List<String> WITH_GAP = List.of("studentsPerComputer", "connectedShare", "broadbandShare",
            "needsReplacementShare");
    /** the map's indicator when none is chosen */
    public static final String MAP_DEFAULT = "broadbandShare";

    private ApiFigures() {
    }

    /** GET /indicators: indicator -> segment -> value */
    public static Map<String, Map<String, String>> card(JsonNode card) {
        Map<String, Map<String, String>> figures = new TreeMap<>();
        for (String indicator : INDICATORS) {
            Map<String, String> segments = new TreeMap<>();
            for (String segment : List.of("total", "urban", "rural")) {
                segments.put(segment, ExactJson.text(card.path(segment).get(indicator)));
            }
            if (WITH_GAP.contains(indicator)) {
                segments.put("gap", ExactJson.text(card.path("gap").get(indicator)));
            }
            figures.put(indicator, segments);
        }
        return figures;
    }

    /** the card's totals only: indicator -> value (a row of the trend table) */
    public static Map<String, String> totals(JsonNode card) {
        Map<String, String> totals = new TreeMap<>();
        INDICATORS.forEach(i -> totals.put(i, ExactJson.text(card.path("total").get(i))));
        return totals;
    }

    /** GET /rollups/equipment: unit code (kato, a school's bin) -> indicator and "reported" -> value */
    public static Map<String, Map<String, String>> units(JsonNode rollup) {
        Map<String, Map<String, String>> units = new TreeMap<>();
        for (JsonNode row : rollup.path("rows")) {
            Map<String, String> fields = new TreeMap<>();
            INDICATORS.forEach(i -> fields.put(i, ExactJson.text(row.get(i))));
            fields.put("reported", ExactJson.text(row.get("reported")));
            units.put(code(row), fields);
        }
        return units;
    }

    /** GET /rollups/equipment: unit code -> the map's default indicator */
    public static Map<String, String> tiles(JsonNode rollup) {
        Map<String, String> tiles = new TreeMap<>();
        rollup.path("rows").forEach(row -> tiles.put(code(row), ExactJson.text(row.get(MAP_DEFAULT))));
        return tiles;
    }

    /** GET /rollups/enrolment?level=SCHOOL&by=grade,sex summed: grade (and "total") -> F, M, total -> students */
    public static Map<String, Map<String, String>> enrolmentByGrade(JsonNode rollup) {
        Map<String, long[]> sums = new TreeMap<>();
        for (JsonNode row : rollup.path("rows")) {
            long[] sum = sums.computeIfAbsent(row.path("grade").asText(), g -> new long[2]);
            sum["F".equals(row.path("sex").asText()) ? 0 : 1] += row.path("students").asLong();
        }
        long[] all = new long[2];
        Map<String, Map<String, String>> table = new TreeMap<>();
        sums.forEach((grade, sum) -> {
            table.put(grade, bySex(sum));
            all[0] += sum[0];
            all[1] += sum[1];
        });
        table.put("total", bySex(all));
        return table;
    }

    private static Map<String, String> bySex(long[] girlsBoys) {
        return new TreeMap<>(Map.of("F", Long.toString(girlsBoys[0]), "M", Long.toString(girlsBoys[1]), "total",
                Long.toString(girlsBoys[0] + girlsBoys[1])));
    }

    private static String code(JsonNode row) {
        return row.hasNonNull("bin") ? row.get("bin").asText() : row.path("kato").asText();
    }
}
