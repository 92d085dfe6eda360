package kz.nobd.report.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.nobd.contracts.Locality;
import kz.nobd.report.domain.Dimension;
import kz.nobd.report.domain.IscedLevel;
import kz.nobd.report.domain.Level;
import kz.nobd.support.Paging;

/**
 * Enrolment as an SDMX data message (GET /sdmx/data/enrolment): the enrolment rollup of the level, territory and
 * date by grade, sex and locality, computed by {@link EnrolmentRollups} for the caller (its jurisdiction checks,
 * its small-cell suppression), then summed by ISCED 2011 level. An observation any of whose grade rows the rollup
 * suppressed is itself suppressed (OBS_STATUS Q, no value): every value the message shows is a sum of values the
 * rollup shows, so it reveals nothing the rollup hides. The table has at most 13 grades x 2 sexes x 2 localities
 * rows per oblast or district, whatever the number of schools and students.
 */
@ApplicationScoped
public class SdmxEnrolment {
    /** The breakdown of the rollup the message is made of. */
    public static final List<Dimension> BY = List.of(Dimension.GRADE, Dimension.SEX, Dimension.LOCALITY);
    /** Every row of the rollup in one page: bounded by the territories, not by the schools (see above). */
    private static final Paging WHOLE_TABLE = new Paging(0, Integer.MAX_VALUE);

    private record Key(String refArea, IscedLevel isced, String sex, String urbanisation) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::refArea).thenComparing(Key::isced)
                .thenComparing(Key::sex).thenComparing(Key::urbanisation);
    }

    private static final class Observation {
        long value;
        boolean suppressed;
    }

    @Inject
    EnrolmentRollups rollups;

    /** The query of a message: the rollup of {@code level} (OBLAST or DISTRICT) in {@code kato} on {@code asOf}. */
    public static RollupQuery query(Level level, String kato, LocalDate asOf) {
        return new RollupQuery(level, kato, null, asOf, BY, WHOLE_TABLE);
    }

    public SdmxMessage message(RollupQuery q, Jurisdiction j, kz.nobd.report.signoff.ConfirmedFigures.Confirmed confirmed) {
        RollupTable table = rollups.rollup(q, j, confirmed);
        TreeMap<Key, Observation> observations = new TreeMap<>(Key.ORDER);
        for (Map<String, Object> row : table.rows()) {
            Key key = new Key((String) row.get("kato"), IscedLevel.ofGrade(((Number) row.get("grade")).intValue()),
                    (String) row.get("sex"), urbanisation((String) row.get("locality")));
            Observation o = observations.computeIfAbsent(key, k -> new Observation());
            if (Boolean.TRUE.equals(row.get("suppressed"))) {
                o.suppressed = true;
            } else {
                o.value += ((Number) row.get("students")).longValue();
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>(observations.size());
        String period = q.asOf().toString();
        observations.forEach((key, o) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("STRUCTURE", SdmxMessage.STRUCTURE);
            row.put("STRUCTURE_ID", SdmxMessage.STRUCTURE_ID);
            row.put("ACTION", SdmxMessage.ACTION);
            row.put("REF_AREA", key.refArea());
            row.put("ISCED11", key.isced().code());
            row.put("SEX", key.sex());
            row.put("URBANISATION", key.urbanisation());
            row.put("TIME_PERIOD", period);
            row.put("OBS_VALUE", o.suppressed ? null : o.value);
            row.put("OBS_STATUS", o.suppressed ? SdmxMessage.SUPPRESSED : SdmxMessage.NORMAL);
            rows.add(row);
        });
        return new SdmxMessage(rows);
    }

    /** The code of CL_URBANISATION (as the SDG data structures use it): U urban, R rural. */
    static String urbanisation(String locality) {
        return switch (Locality.valueOf(locality)) {
            case URBAN -> "U";
            case RURAL -> "R";
        };
    }
}
