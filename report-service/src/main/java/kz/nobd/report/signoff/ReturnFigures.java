package kz.nobd.report.signoff;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import kz.nobd.contracts.Language;
import kz.nobd.contracts.events.Sex;
import kz.nobd.contracts.events.SignoffKind;
import kz.nobd.report.domain.Dimension;
import kz.nobd.report.domain.EquipmentReport;
import kz.nobd.report.service.EnrolmentCounts;
import kz.nobd.report.service.EquipmentStore;

/**
 * The figures of schools' returns as NOBD derives them today for a period's census date, as canonical content
 * (docs/signoff.md, "What is signed"): ENROLMENT = students by grade, sex and language; EQUIPMENT = the current
 * equipment report on the census date (devices per kind, connection) and the students on that date. Reading the
 * same figures twice gives the same bytes: maps sorted by key, lists in a fixed order, no white space.
 */
@ApplicationScoped
public class ReturnFigures {
    static final ObjectMapper CANONICAL = JsonMapper.builder()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .build();

    @Inject
    EnrolmentCounts counts;
    @Inject
    EquipmentStore equipment;

    /** The content of each school's return in {@code bins} for {@code period} (one pass over the counts). */
    public Map<String, ReturnContent> contents(Period period, Collection<String> bins) {
        Map<String, Map<String, Object>> figures = period.kind() == SignoffKind.ENROLMENT
                ? enrolment(period, bins) : equipment(period, bins);
        Map<String, ReturnContent> contents = new HashMap<>();
        for (String bin : bins) {
            Map<String, Object> document = new TreeMap<>();
            document.put("figures", figures.get(bin));
            document.put("period", Map.of("id", period.id().toString(), "kind", period.kind().name(),
                    "name", period.name(), "censusDate", period.censusDate().toString()));
            document.put("schoolBin", bin);
            contents.put(bin, ReturnContent.of(write(document)));
        }
        return contents;
    }

    public ReturnContent content(Period period, String bin) {
        return contents(period, List.of(bin)).get(bin);
    }

    /** Figures of an ENROLMENT return: {@code students} and {@code cells} (grade, sex, language, students). */
    private Map<String, Map<String, Object>> enrolment(Period period, Collection<String> bins) {
        Map<String, List<Map<String, Object>>> cells = new HashMap<>();
        Map<String, Long> students = new HashMap<>();
        for (String bin : bins) {
            cells.put(bin, new ArrayList<>());
            students.put(bin, 0L);
        }
        // cells come in the order of their index (grade, sex, language) for each school
        counts.visit(period.censusDate(), EnumSet.of(Dimension.GRADE, Dimension.SEX, Dimension.LANGUAGE), bins,
                (bin, grade, sex, language, n) -> {
                    List<Map<String, Object>> school = cells.get(bin);
                    if (school != null) {
                        school.add(cell(grade, sex, language, n));
                        students.merge(bin, n, Long::sum);
                    }
                });
        Map<String, Map<String, Object>> figures = new HashMap<>();
        for (String bin : bins) {
            Map<String, Object> school = new TreeMap<>();
            school.put("cells", cells.get(bin));
            school.put("students", students.get(bin));
            figures.put(bin, school);
        }
        return figures;
    }

    private static Map<String, Object> cell(int grade, int sex, int language, long students) {
        Map<String, Object> cell = new TreeMap<>();
        cell.put("grade", grade);
        cell.put("sex", Sex.values()[sex].name());
        cell.put("language", Language.values()[language].name());
        cell.put("students", students);
        return cell;
    }

    /** Figures of an EQUIPMENT return: {@code report} (null without a current one) and {@code students}. */
    private Map<String, Map<String, Object>> equipment(Period period, Collection<String> bins) {
        Map<String, Long> students = counts.perSchool(period.censusDate(), bins);
        Map<String, Map<String, Object>> figures = new HashMap<>();
        for (String bin : bins) {
            Map<String, Object> school = new TreeMap<>();
            school.put("students", students.getOrDefault(bin, 0L));
            school.put("report", report(equipment.currentOn(bin, period.censusDate())));
            figures.put(bin, school);
        }
        return figures;
    }

    private static Map<String, Object> report(EquipmentReport report) {
        if (report == null) {
            return null;
        }
        Map<String, Object> figures = new TreeMap<>();
        figures.put("asOf", report.asOf().toString());
        List<Map<String, Object>> devices = new ArrayList<>();
        report.devices().stream().sorted(Comparator.comparing(EquipmentReport.Device::kind)).forEach(d -> {
            Map<String, Object> device = new LinkedHashMap<>();
            device.put("kind", d.kind());
            device.put("total", d.total());
            device.put("forTeaching", d.forTeaching());
            device.put("needsReplacement", d.needsReplacement());
            devices.add(device);
        });
        figures.put("devices", devices);
        Map<String, Object> internet = new TreeMap<>();
        internet.put("connected", report.internet().connected());
        BigDecimal mbps = report.internet().downloadMbps();
        internet.put("downloadMbps", mbps == null ? null : mbps.stripTrailingZeros().toPlainString());
        internet.put("technology", report.internet().technology());
        figures.put("internet", internet);
        return figures;
    }

    static String write(Object document) {
        try {
            return CANONICAL.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signed document's figures, read back (confirmed rollups). */
    static Map<String, Object> figuresOf(String json) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> document = CANONICAL.readValue(json, Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> figures = (Map<String, Object>) document.get("figures");
            return figures;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a signed return's content is unreadable", e);
        }
    }
}
