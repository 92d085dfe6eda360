package kz.nobd.report.service;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
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
    private volatile Map<LocalDate, List<SchoolVersion>> placements = new ConcurrentHashMap<>();

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
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO school_version (bin, version, valid_from, status, "
                + "type, ownership, locality, kato, oblast_kato, district_kato, name_kk, name_ru) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (SchoolVersion v : fresh) {
                ps.setString(1, v.bin());
                ps.setLong(2, v.version());
                ps.setDate(3, Date.valueOf(v.validFrom()));
                ps.setString(4, v.status().name());
                ps.setString(5, v.type().name());
                ps.setString(6, v.ownership().name());
                ps.setString(7, v.locality().name());
                ps.setString(8, v.kato());
                ps.setString(9, v.oblastKato());
                ps.setString(10, v.districtKato());
                ps.setString(11, v.nameKk());
                ps.setString(12, v.nameRu());
                ps.addBatch();
            }
            ps.executeBatch();
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

    /** Every school placed somewhere on {@code date}, with the version in force then (kept for a few dates). */
    public List<SchoolVersion> placedOn(LocalDate date) {
        Map<LocalDate, List<SchoolVersion>> held = placements;
        List<SchoolVersion> placed = held.get(date);
        if (placed == null) {
            List<SchoolVersion> all = new ArrayList<>(schools.size());
            for (SchoolHistory history : schools.values()) {
                SchoolVersion v = history.on(date);
                if (v != null) {
                    all.add(v);
                }
            }
            placed = List.copyOf(all);
            if (held.size() > 16) {
                held.clear();
            }
            held.put(date, placed);
        }
        return placed;
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
