package kz.nobd.report.service;

import static kz.nobd.support.SqlArrays.column;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import kz.nobd.contracts.InstitutionStatus;
import kz.nobd.contracts.InstitutionType;
import kz.nobd.contracts.Locality;
import kz.nobd.contracts.Ownership;
import kz.nobd.report.domain.SchoolHistory;
import kz.nobd.report.domain.SchoolVersion;

/**
 * Every version of every institution card, in table school_version and in memory (a few versions of some 20,000
 * institutions). Written only by the registry consumer; read by every query to place a school on a date.
 */
@ApplicationScoped
public class SchoolDirectory {
    private final Map<String, SchoolHistory> schools = new ConcurrentHashMap<>();
    /** The schools placed on a date, per date, for the directory as it is now (dropped on every change). */
    private volatile Map<LocalDate, Placement> placements = new ConcurrentHashMap<>();

    /** Reads every stored version into memory (at start-up). */
    public void load(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT bin, version, valid_from, status, type, ownership, "
                + "locality, kato, oblast_kato, district_kato, name_kk, name_ru FROM school_version ORDER BY bin, version");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                remember(List.of(new SchoolVersion(rs.getString(1), rs.getLong(2), rs.getDate(3).toLocalDate(),
                        InstitutionStatus.valueOf(rs.getString(4)), InstitutionType.valueOf(rs.getString(5)),
                        Ownership.valueOf(rs.getString(6)), Locality.valueOf(rs.getString(7)), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12))));
            }
        }
    }

    /**
     * Stores the versions newer than the one held for their BIN (in order; older or repeated ones are ignored)
     * and returns them, for {@link #remember} once the transaction has committed.
     */
    public List<SchoolVersion> store(Connection c, List<SchoolVersion> cards) throws SQLException {
        Map<String, Long> latest = new HashMap<>();
        List<SchoolVersion> fresh = new ArrayList<>();
        for (SchoolVersion card : cards) {
            long held = latest.computeIfAbsent(card.bin(),
                    bin -> schools.containsKey(bin) ? schools.get(bin).latestVersion() : 0L);
            if (card.version() > held) {
                fresh.add(card);
                latest.put(card.bin(), card.version());
            }
        }
        if (fresh.isEmpty()) {
            return fresh;
        }
        // one statement for the batch (a row-by-row JDBC batch cost PostgreSQL a statement per card, and the freshly
        // started JVM seconds of compiling the loop while the registry imported the country: docs/benchmarks.md)
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO school_version (bin, version, valid_from, status, "
                + "type, ownership, locality, kato, oblast_kato, district_kato, name_kk, name_ru) SELECT * FROM unnest("
                + "?::text[], ?::int8[], ?::date[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                + "?::text[], ?::text[], ?::text[]) ON CONFLICT DO NOTHING")) {
            ps.setArray(1, column(c, "text", fresh, SchoolVersion::bin));
            ps.setArray(2, column(c, "int8", fresh, SchoolVersion::version));
            ps.setArray(3, column(c, "date", fresh, v -> Date.valueOf(v.validFrom())));
            ps.setArray(4, column(c, "text", fresh, v -> v.status().name()));
            ps.setArray(5, column(c, "text", fresh, v -> v.type().name()));
            ps.setArray(6, column(c, "text", fresh, v -> v.ownership().name()));
            ps.setArray(7, column(c, "text", fresh, v -> v.locality().name()));
            ps.setArray(8, column(c, "text", fresh, SchoolVersion::kato));
            ps.setArray(9, column(c, "text", fresh, SchoolVersion::oblastKato));
            ps.setArray(10, column(c, "text", fresh, SchoolVersion::districtKato));
            ps.setArray(11, column(c, "text", fresh, SchoolVersion::nameKk));
            ps.setArray(12, column(c, "text", fresh, SchoolVersion::nameRu));
            ps.executeUpdate();
        }
        return fresh;
    }

    public void remember(List<SchoolVersion> versions) {
        for (SchoolVersion v : versions) {
            schools.merge(v.bin(), SchoolHistory.of(v), (held, added) -> held.with(v));
        }
        if (!versions.isEmpty()) {
            placements = new ConcurrentHashMap<>();
        }
    }

    /** Every school placed somewhere on {@code date}, with the version in force then, in BIN order. */
    public List<SchoolVersion> placedOn(LocalDate date) {
        return placement(date).all();
    }

    /**
     * The schools placed on {@code date}, in BIN order and by unit (kept for a few dates): a query of one oblast
     * or district reads its own schools, not the country's.
     */
    public Placement placement(LocalDate date) {
        Map<LocalDate, Placement> held = placements;
        Placement placed = held.get(date);
        if (placed == null) {
            List<SchoolVersion> all = new ArrayList<>(schools.size());
            for (SchoolHistory history : schools.values()) {
                SchoolVersion v = history.on(date);
                if (v != null) {
                    all.add(v);
                }
            }
            placed = Placement.of(all);
            if (held.size() > 16) {
                held.clear();
            }
            held.put(date, placed);
        }
        return placed;
    }

    /**
     * The schools placed on a date: all of them, and those of each unit (its oblast, its district and its own KATO
     * unit: the schools {@link SchoolVersion#liesIn} it), every list in BIN order; and in groups of the schools that
     * every rollup above SCHOOL level keeps together (one district, and so one oblast, one locality, type and
     * ownership): a few thousand groups for the country's 20,000 schools, each in BIN order, the groups in no order.
     */
    public record Placement(List<SchoolVersion> all, Map<String, List<SchoolVersion>> byUnit, List<String> oblasts,
            List<List<SchoolVersion>> groups) {
        private static final Comparator<SchoolVersion> BY_BIN = Comparator.comparing(SchoolVersion::bin);

        /** What the schools of one group share. */
        private record GroupKey(String oblastKato, String districtKato, Locality locality, InstitutionType type,
                Ownership ownership) {
            static GroupKey of(SchoolVersion school) {
                return new GroupKey(school.oblastKato(), school.districtKato(), school.locality(), school.type(),
                        school.ownership());
            }
        }

        static Placement of(List<SchoolVersion> schools) {
            List<SchoolVersion> all = new ArrayList<>(schools);
            all.sort(BY_BIN);
            Map<String, List<SchoolVersion>> byUnit = new HashMap<>();
            for (SchoolVersion v : all) {
                add(byUnit, v.oblastKato(), v);
                if (!v.districtKato().equals(v.oblastKato())) {
                    add(byUnit, v.districtKato(), v);
                }
                if (!v.kato().equals(v.districtKato()) && !v.kato().equals(v.oblastKato())) {
                    add(byUnit, v.kato(), v);
                }
            }
            byUnit.replaceAll((unit, list) -> List.copyOf(list));
            List<String> oblasts = all.stream().map(SchoolVersion::oblastKato).distinct().sorted().toList();
            Map<GroupKey, List<SchoolVersion>> groups = new HashMap<>();
            for (SchoolVersion v : all) {
                groups.computeIfAbsent(GroupKey.of(v), k -> new ArrayList<>()).add(v);
            }
            return new Placement(List.copyOf(all), Map.copyOf(byUnit), oblasts,
                    groups.values().stream().map(List::copyOf).toList());
        }

        /** The schools that lie in {@code unit} (oblast, district or KATO unit), in BIN order. */
        public List<SchoolVersion> in(String unit) {
            return byUnit.getOrDefault(unit, List.of());
        }

        /** The schools of the oblasts whose code starts with {@code prefix}, in BIN order. */
        public List<SchoolVersion> inOblasts(String prefix) {
            List<String> matching = oblasts.stream().filter(oblast -> oblast.startsWith(prefix)).toList();
            if (matching.size() == 1) {
                return in(matching.get(0)); // an oblast user's own oblast: its list as kept
            }
            List<SchoolVersion> found = new ArrayList<>();
            matching.forEach(oblast -> found.addAll(in(oblast)));
            found.sort(BY_BIN);
            return found;
        }

        private static void add(Map<String, List<SchoolVersion>> byUnit, String unit, SchoolVersion v) {
            byUnit.computeIfAbsent(unit, u -> new ArrayList<>()).add(v);
        }
    }

    /** Where the registry placed {@code bin} on {@code date}, or null. */
    public SchoolVersion on(String bin, LocalDate date) {
        SchoolHistory history = schools.get(bin);
        return history == null ? null : history.on(date);
    }

    public Collection<SchoolHistory> all() {
        return schools.values();
    }

    public int size() {
        return schools.size();
    }
}
