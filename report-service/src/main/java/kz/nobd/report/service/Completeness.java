package kz.nobd.report.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.nobd.contracts.InstitutionType;
import kz.nobd.report.domain.Level;
import kz.nobd.report.domain.SchoolVersion;
import kz.nobd.report.domain.Submission;

/**
 * Which schools were expected to report a kind since a date, how many did and which did not (GET /completeness).
 * Expected: institutions OPEN today, of the general-education types (SCHOOL, SMALL_SCHOOL, BOARDING), in the
 * caller's jurisdiction and the territory; reported: those of them with an accepted submission of that kind
 * received since the start of {@code since} (Almaty time). Reported is a subset of expected: the rate is 0..1.
 */
@ApplicationScoped
public class Completeness {
    public static final Set<InstitutionType> EXPECTED_TYPES = Set.of(InstitutionType.SCHOOL, InstitutionType.SMALL_SCHOOL,
            InstitutionType.BOARDING);
    static final List<String> COLUMNS = List.of("bin", "kato", "districtKato", "oblastKato", "nameKk", "nameRu");

    @Inject
    Units units;
    @Inject
    SubmissionStore submissions;
    @Inject
    Clock clock;

    public CompletenessReport report(Submission.Kind kind, String kato, LocalDate since, Jurisdiction j) {
        j.checkTerritory(kato);
        LocalDate today = LocalDate.now(clock);
        Instant from = since.atStartOfDay(clock.getZone()).toInstant();
        RollupQuery query = new RollupQuery(Level.SCHOOL, kato, null, today, List.of(), null);
        List<SchoolVersion> missing = new ArrayList<>();
        int expected = 0;
        for (SchoolVersion school : units.placed(query, j).values()) {
            if (!school.isOpen() || !EXPECTED_TYPES.contains(school.type())) {
                continue;
            }
            expected++;
            Instant last = submissions.lastAccepted(school.bin(), kind);
            if (last == null || last.isBefore(from)) {
                missing.add(school);
            }
        }
        missing.sort(Comparator.comparing(SchoolVersion::bin));
        List<Map<String, Object>> rows = new ArrayList<>(missing.size());
        for (SchoolVersion school : missing) {
            Map<String, Object> row = new LinkedHashMap<>();
            units.name(Level.SCHOOL, school, row);
            rows.add(row);
        }
        int reported = expected - missing.size();
        return new CompletenessReport(kind.name().toLowerCase(java.util.Locale.ROOT), kato, since, today, expected,
                reported, missing.size(), kz.nobd.report.domain.EquipmentTally.ratio(reported, expected, 4), rows);
    }
}
