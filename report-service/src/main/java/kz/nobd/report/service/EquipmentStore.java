package kz.nobd.report.service;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.nobd.report.domain.EquipmentHistory;
import kz.nobd.report.domain.EquipmentReport;

/**
 * Every accepted equipment report, in table equipment_report and in memory per school (a few reports a year for
 * each of some 7,700 schools); the current report of any date is chosen from the history when read.
 */
@ApplicationScoped
public class EquipmentStore {
    private final Map<String, EquipmentHistory> schools = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();

    @Inject
    ObjectMapper mapper;

    public void load(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT report FROM equipment_report");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                remember(List.of(read(rs.getString(1))));
            }
        }
    }

    /** Stores the reports (a redelivered report id replaces the stored one with the same content). */
    public void store(Connection c, List<EquipmentReport> reports) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO equipment_report (report_id, school_bin, as_of, "
                + "received_at, report) VALUES (?, ?, ?, ?, ?::jsonb) ON CONFLICT (report_id) DO UPDATE SET "
                + "school_bin = excluded.school_bin, as_of = excluded.as_of, received_at = excluded.received_at, "
                + "report = excluded.report")) {
            for (EquipmentReport r : reports) {
                ps.setObject(1, r.reportId());
                ps.setString(2, r.schoolBin());
                ps.setDate(3, Date.valueOf(r.asOf()));
                ps.setTimestamp(4, Timestamp.from(r.receivedAt()));
                ps.setString(5, write(r));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public void remember(List<EquipmentReport> reports) {
        for (EquipmentReport r : reports) {
            schools.merge(r.schoolBin(), new EquipmentHistory(List.of(r)), (held, added) -> held.with(r));
        }
        if (!reports.isEmpty()) {
            changes.incrementAndGet();
        }
    }

    /** How many times reports were remembered: read before reading the reports, it tells whether they changed since. */
    public long changes() {
        return changes.get();
    }

    /** The school's current report on {@code date}, or null. */
    public EquipmentReport currentOn(String bin, LocalDate date) {
        EquipmentHistory history = schools.get(bin);
        return history == null ? null : history.currentOn(date);
    }

    private EquipmentReport read(String json) {
        try {
            return mapper.readValue(json, EquipmentReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored equipment report is unreadable", e);
        }
    }

    private String write(EquipmentReport report) {
        try {
            return mapper.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
