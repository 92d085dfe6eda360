package kz.nobd.report.signoff;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.nobd.contracts.Language;
import kz.nobd.contracts.events.Sex;
import kz.nobd.contracts.events.SignoffKind;
import kz.nobd.report.domain.Cell;
import kz.nobd.report.domain.Dimension;
import kz.nobd.report.domain.EquipmentReport;
import kz.nobd.report.messaging.Transactions;
import kz.nobd.report.service.Jurisdiction;
import kz.nobd.report.service.SchoolCounts;
import kz.nobd.support.Caller;
import kz.nobd.support.FieldError;
import kz.nobd.support.ValidationException;

/**
 * Official figures (basis=confirmed, docs/signoff.md): the figures as signed of the ACCEPTED and LOCKED returns of
 * one period, read from the signatures in force. Parsed once per state of the period (the sum of its returns' change
 * counters, which every change raises) and kept while it lasts.
 */
@ApplicationScoped
public class ConfirmedFigures {
    @Inject
    SignoffDatabase database;
    @Inject
    Periods periods;

    private final Map<UUID, Confirmed> held = new ConcurrentHashMap<>();

    /**
     * The confirmed figures of one period: {@code version} changes whenever a return of it changes; the schools
     * covered are those with figures here.
     */
    public record Confirmed(Period period, long version, Map<String, long[]> students, SortedMap<String, Long> totals,
            Map<String, EquipmentReport> equipment) {

        public Set<String> schools() {
            return totals.keySet();
        }

        /** Visits the covered schools among {@code bins} (all when null) in BIN order with their signed cells. */
        public void inBinOrder(LocalDate date, Set<Dimension> dims, Collection<String> bins, SchoolCounts visitor) {
            for (Map.Entry<String, Long> school : totals.entrySet()) { // by BIN
                if (bins == null || bins.contains(school.getKey())) {
                    long[] cells = students.get(school.getKey());
                    visitor.school(school.getKey(), cells == null ? new long[Cell.COUNT] : cells);
                }
            }
        }

        /** The key of answers computed from these figures (ResultCache). */
        public String key() {
            return period.id() + "@" + version;
        }
    }

    /** What is wrong with {@code basis} and {@code period} as written (none when they can be read). */
    public static List<FieldError> syntax(String basis, String periodId) {
        String b = basis == null ? "" : basis.strip().toLowerCase(Locale.ROOT);
        if (!b.isEmpty() && !b.equals("live") && !b.equals("confirmed")) {
            return List.of(new FieldError("basis", "live (today's figures, the default) or confirmed (signed and "
                    + "accepted returns of a period)"));
        }
        if (b.equals("live") && periodId != null && !periodId.isBlank()) {
            return List.of(new FieldError("period", "period goes with basis=confirmed"));
        }
        return List.of();
    }

    /**
     * The confirmed figures {@code basis} and {@code period} ask for, or null for basis=live (the default, refused
     * to report-consumer, which reads confirmed figures of LOCKED periods only).
     */
    public Confirmed resolve(String basis, String periodId, SignoffKind kind, Jurisdiction j) {
        List<FieldError> errors = syntax(basis, periodId);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        boolean consumer = j.role().equals(Caller.REPORT_CONSUMER);
        String b = basis == null || basis.isBlank() ? (consumer ? "confirmed" : "live")
                : basis.strip().toLowerCase(Locale.ROOT);
        if (b.equals("live")) {
            if (consumer) {
                throw WorkflowRefusal.LIVE_FIGURES_REFUSED.refuse("report-consumer reads confirmed figures of LOCKED "
                        + "periods only: basis=confirmed (the default for it), with period or without (the latest)");
            }
            return null;
        }
        Period period;
        if (periodId == null || periodId.isBlank()) {
            period = periods.latest(kind, consumer);
            if (period == null) {
                throw WorkflowRefusal.NO_CONFIRMED_PERIOD.refuse("no " + (consumer ? "LOCKED " : "") + kind
                        + " period yet: confirmed figures exist once returns are accepted"
                        + (consumer ? " and the ministry has locked their period" : ""));
            }
        } else {
            period = periods.find(periodId);
            if (period.kind() != kind) {
                throw new ValidationException(List.of(new FieldError("period", "period " + period.id() + " is of kind "
                        + period.kind() + "; this report needs a " + kind + " period")));
            }
            if (consumer && !period.isLocked()) {
                throw WorkflowRefusal.NO_CONFIRMED_PERIOD.refuse("period " + period.id() + " is not LOCKED: "
                        + "report-consumer reads the figures of LOCKED periods only");
            }
        }
        return of(period);
    }

    /** The confirmed figures of {@code period} as they stand now. */
    public Confirmed of(Period period) {
        long version = Transactions.run(database.source(), c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(sum(seq), 0) FROM school_return "
                    + "WHERE period_id = ?")) {
                ps.setObject(1, period.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        Confirmed kept = held.get(period.id());
        if (kept != null && kept.version() == version && kept.period().status() == period.status()) {
            return kept;
        }
        Confirmed loaded = load(period, version);
        held.put(period.id(), loaded);
        return loaded;
    }

    private Confirmed load(Period period, long version) {
        Map<String, long[]> students = new TreeMap<>();
        SortedMap<String, Long> totals = new TreeMap<>();
        Map<String, EquipmentReport> equipment = new TreeMap<>();
        Transactions.run(database.source(), c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT r.school_bin, s.content FROM school_return r "
                    + "JOIN return_signature s ON s.id = r.signature_id WHERE r.period_id = ? "
                    + "AND r.status IN ('ACCEPTED', 'LOCKED')")) {
                ps.setObject(1, period.id());
                ps.setFetchSize(500);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String bin = rs.getString(1);
                        Map<String, Object> figures = ReturnFigures.figuresOf(rs.getString(2));
                        totals.put(bin, ((Number) figures.get("students")).longValue());
                        if (period.kind() == SignoffKind.ENROLMENT) {
                            students.put(bin, cells(figures));
                        } else {
                            equipment.put(bin, report(bin, figures));
                        }
                    }
                }
            }
            return null;
        });
        return new Confirmed(period, version, students, totals, equipment);
    }

    @SuppressWarnings("unchecked")
    private static long[] cells(Map<String, Object> figures) {
        long[] cells = new long[Cell.COUNT];
        for (Map<String, Object> cell : (List<Map<String, Object>>) figures.get("cells")) {
            cells[Cell.index(((Number) cell.get("grade")).intValue(), Sex.valueOf((String) cell.get("sex")).ordinal(),
                    Language.valueOf((String) cell.get("language")).ordinal())] += ((Number) cell.get("students"))
                            .longValue();
        }
        return cells;
    }

    @SuppressWarnings("unchecked")
    private static EquipmentReport report(String bin, Map<String, Object> figures) {
        Map<String, Object> report = (Map<String, Object>) figures.get("report");
        if (report == null) {
            return null;
        }
        List<EquipmentReport.Device> devices = new ArrayList<>();
        for (Map<String, Object> d : (List<Map<String, Object>>) report.get("devices")) {
            devices.add(new EquipmentReport.Device((String) d.get("kind"), ((Number) d.get("total")).intValue(),
                    ((Number) d.get("forTeaching")).intValue(), ((Number) d.get("needsReplacement")).intValue()));
        }
        Map<String, Object> internet = (Map<String, Object>) report.get("internet");
        return new EquipmentReport(null, bin, LocalDate.parse((String) report.get("asOf")), devices,
                new EquipmentReport.Internet((Boolean) internet.get("connected"),
                        new BigDecimal((String) internet.get("downloadMbps")), (String) internet.get("technology")),
                null);
    }
}
