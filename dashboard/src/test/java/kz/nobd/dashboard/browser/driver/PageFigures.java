package kz.nobd.dashboard.browser.driver;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The numbers of a page as its markup carries them for tests ({@code data-value}: the API's number as written),
 * read in one script each: the card, the units table, the map, the trend, completeness, a school's tables.
 */
public final class PageFigures {
    /**
     * rows matched by {@code rows}, keyed by their {@code rowKey} attribute; in each, the elements matched by
     * {@code cells} keyed by {@code cellKey}, with their data-value
     */
    static final String TABLE = """
            const [rows, rowKey, cells, cellKey] = arguments;
            const table = {};
            document.querySelectorAll(rows).forEach(row => {
              const line = {};
              row.querySelectorAll(cells).forEach(cell => {
                line[cell.getAttribute(cellKey)] = cell.getAttribute('data-value');
              });
              table[row.getAttribute(rowKey)] = line;
            });
            return table;""";
    static final String VALUES = """
            const [elements, key] = arguments;
            const values = {};
            document.querySelectorAll(elements).forEach(e => { values[e.getAttribute(key)] = e.getAttribute('data-value'); });
            return values;""";

    private final Browser browser;

    public PageFigures(Browser browser) {
        this.browser = browser;
    }

    /** indicator field -> segment (total, urban, rural, gap) -> value */
    public Map<String, Map<String, String>> card() {
        return table("#card li.stat[data-indicator]", "data-indicator", "[data-segment]", "data-segment");
    }

    /** unit code -> field -> value */
    public Map<String, Map<String, String>> unitsTable() {
        return table("#units-table tr[data-code]", "data-code", "td[data-field]", "data-field");
    }

    /** unit code -> the value on its tile */
    public Map<String, String> tiles() {
        return values("#map a.tile[data-code]", "data-code");
    }

    /** date -> field -> value */
    public Map<String, Map<String, String>> trendTable() {
        return table("#trend-table tr[data-date]", "data-date", "td[data-field]", "data-field");
    }

    /** field (expected, a status, notReported) -> value */
    public Map<String, String> completeness() {
        return values("#completeness dd[data-field]", "data-field");
    }

    /** grade (and "total") -> sex (F, M, total) -> value */
    public Map<String, Map<String, String>> enrolmentTable() {
        return table("#enrolment-table tr[data-grade]", "data-grade", "td[data-sex]", "data-sex");
    }

    /** indicator -> unit (school, district, oblast) -> value */
    public Map<String, Map<String, String>> comparisonTable() {
        return table("#comparison-table tr[data-indicator]", "data-indicator", "td[data-unit]", "data-unit");
    }

    /** the texts of the elements matched by {@code css} */
    @SuppressWarnings("unchecked")
    public List<String> texts(String css) {
        return (List<String>) browser.script(
                "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent.trim())", css);
    }

    /** the values of attribute {@code name} of the elements matched by {@code css} */
    @SuppressWarnings("unchecked")
    public List<String> attributes(String css, String name) {
        return (List<String>) browser.script(
                "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.getAttribute(arguments[1]))", css,
                name);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, String>> table(String rows, String rowKey, String cells, String cellKey) {
        Map<String, Map<String, String>> table = new TreeMap<>();
        ((Map<String, Map<String, String>>) browser.script(TABLE, rows, rowKey, cells, cellKey))
                .forEach((k, v) -> table.put(k, new TreeMap<>(v)));
        return table;
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> values(String elements, String key) {
        return new TreeMap<>((Map<String, String>) browser.script(VALUES, elements, key));
    }
}
