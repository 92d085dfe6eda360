package kz.nobd.report.signoff;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.nobd.contracts.events.SignoffKind;
import kz.nobd.report.messaging.Transactions;
import kz.nobd.support.FieldError;
import kz.nobd.support.NotFoundException;
import kz.nobd.support.ValidationException;

/** Reporting periods: opened, listed, locked and reopened by the ministry (docs/signoff.md). */
@ApplicationScoped
public class Periods {
    static final String COLUMNS = "id, kind, name, census_date, submission_deadline, acceptance_deadline, status, "
            + "opened_by, opened_at";

    @Inject
    SignoffDatabase database;
    @Inject
    Clock clock;

    /** Opens a period (201); 400 for a bad body, 409 PERIOD_EXISTS for a kind and name already used. */
    public Period open(NewPeriod body, String actor) {
        Period period = validated(body, actor);
        return Transactions.run(database.source(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO period (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, name) DO NOTHING")) {
                ps.setObject(1, period.id());
                ps.setString(2, period.kind().name());
                ps.setString(3, period.name());
                ps.setDate(4, Date.valueOf(period.censusDate()));
                ps.setDate(5, Date.valueOf(period.submissionDeadline()));
                ps.setDate(6, Date.valueOf(period.acceptanceDeadline()));
                ps.setString(7, period.status().name());
                ps.setString(8, actor);
                ps.setTimestamp(9, Timestamp.from(period.openedAt()));
                if (ps.executeUpdate() == 0) {
                    throw WorkflowRefusal.PERIOD_EXISTS.refuse("a period " + period.kind() + " named '"
                            + period.name() + "' exists; give the new one another name");
                }
            }
            change(c, period.id(), PeriodStatus.OPEN, actor, null, period.openedAt());
            return period.withHistory(history(c, period.id()));
        });
    }

    /** Every period, newest census date first. */
    public List<Period> list() {
        return Transactions.run(database.source(), c -> {
            List<Period> periods = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM period ORDER BY census_date DESC, name");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    periods.add(read(rs));
                }
            }
            return periods;
        });
    }

    /** The period with its history; 404 when there is none with that id. */
    public Period get(String id) {
        UUID uuid = parseId(id);
        return Transactions.run(database.source(), c -> {
            Period period = find(c, uuid, false);
            return period.withHistory(history(c, uuid));
        });
    }

    /** The period without its history (a read on the path of every confirmed answer); 404 when there is none. */
    public Period find(String id) {
        UUID uuid = parseId(id);
        return Transactions.run(database.source(), c -> find(c, uuid, false));
    }

    /** The period, read under a row lock when {@code forUpdate}; 404 when there is none. */
    Period find(Connection c, UUID id, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM period WHERE id = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("no reporting period " + id);
                }
                return read(rs);
            }
        }
    }

    /** Sets the period's status and records the change. */
    void setStatus(Connection c, UUID id, PeriodStatus status, String actor, String reason, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE period SET status = ? WHERE id = ?")) {
            ps.setString(1, status.name());
            ps.setObject(2, id);
            ps.executeUpdate();
        }
        change(c, id, status, actor, reason, at);
    }

    /** The latest periods of {@code kind} by census date, LOCKED ones only when {@code lockedOnly}. */
    public Period latest(SignoffKind kind, boolean lockedOnly) {
        return Transactions.run(database.source(), c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM period WHERE kind = ?"
                    + (lockedOnly ? " AND status = 'LOCKED'" : "") + " ORDER BY census_date DESC, opened_at DESC LIMIT 1")) {
                ps.setString(1, kind.name());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? read(rs) : null;
                }
            }
        });
    }

    /** The period's id from a path or query parameter; 404 for a text that is not a UUID (no such period). */
    static UUID parseId(String id) {
        try {
            return UUID.fromString(id == null ? "" : id.strip());
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no reporting period " + id + " (period ids are UUIDs)");
        }
    }

    private void change(Connection c, UUID id, PeriodStatus status, String actor, String reason, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO period_change (period_id, seq, status, at, actor, "
                + "reason) SELECT ?, coalesce(max(seq), 0) + 1, ?, ?, ?, ? FROM period_change WHERE period_id = ?")) {
            ps.setObject(1, id);
            ps.setString(2, status.name());
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setString(4, actor);
            ps.setString(5, reason);
            ps.setObject(6, id);
            ps.executeUpdate();
        }
    }

    private static List<Period.Change> history(Connection c, UUID id) throws SQLException {
        List<Period.Change> changes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, status, at, actor, reason FROM period_change "
                + "WHERE period_id = ? ORDER BY seq")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changes.add(new Period.Change(rs.getInt(1), PeriodStatus.valueOf(rs.getString(2)),
                            rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return changes;
    }

    private static Period read(ResultSet rs) throws SQLException {
        return new Period(rs.getObject(1, UUID.class), SignoffKind.valueOf(rs.getString(2)), rs.getString(3),
                rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate(),
                PeriodStatus.valueOf(rs.getString(7)), rs.getString(8), rs.getTimestamp(9).toInstant(), null);
    }

    private Period validated(NewPeriod body, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null) {
            throw new ValidationException(List.of(new FieldError("body", "a JSON object with kind, name, censusDate, "
                    + "submissionDeadline and acceptanceDeadline is required")));
        }
        SignoffKind kind = null;
        try {
            kind = SignoffKind.valueOf(body.kind() == null ? "" : body.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("kind", "must be ENROLMENT or EQUIPMENT"));
        }
        String name = body.name() == null ? "" : body.name().strip();
        if (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("name", "1 to 200 characters without control characters, e.g. "
                    + "'enrolment 2026-2027'"));
        }
        LocalDate census = body.censusDate();
        LocalDate submission = body.submissionDeadline();
        LocalDate acceptance = body.acceptanceDeadline();
        if (census == null || census.isBefore(LocalDate.of(2000, 1, 1))
                || census.isAfter(LocalDate.now(clock).plusYears(1))) {
            errors.add(new FieldError("censusDate", "a date from 2000-01-01 to a year from today"));
        }
        if (submission == null || census != null && submission.isBefore(census)) {
            errors.add(new FieldError("submissionDeadline", "a date on or after censusDate"));
        }
        if (acceptance == null || submission != null && acceptance.isBefore(submission)) {
            errors.add(new FieldError("acceptanceDeadline", "a date on or after submissionDeadline"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Period(UUID.randomUUID(), kind, name, census, submission, acceptance, PeriodStatus.OPEN, actor,
                Instant.now(clock), null);
    }
}
