package kz.nobd.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.contracts.Language;
import kz.nobd.ingest.domain.TimelineEntry;
import kz.nobd.ingest.outbox.OutboxWriter;

/**
 * V6 and V7 move stored data, not only the schema: a database at V5 with a transferred student (two timeline
 * entries, a closed and an open spell, one of them accepted from a school's event, one a registry closure) and an
 * outbox row of two messages is migrated in a scratch schema, and the student row, accepted_event and the outbox
 * read back through the service's own code.
 */
@QuarkusTest
class StudentRowMigrationTest {
    private static final String SCHEMA = "migration_v5_to_v7";
    private static final UUID ENROLLED = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID CLOSED = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID SPELL_A = UUID.fromString("00000000-0000-4000-8000-00000000000a");

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;
    @Inject
    StudentStateJson json;

    @BeforeEach
    @AfterEach
    void dropScratchSchema() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    @Test
    void timelinesSpellsAndOutboxRowsSurviveTheMove() throws SQLException {
        migrateTo("5");
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("set search_path = " + SCHEMA);
            st.execute("insert into student values ('pseudonym-1', 'F', 2015, '1234'), ('pseudonym-2', 'M', 2014, null)");
            st.execute("insert into timeline_entry (entry_id, student_id, kind, school_bin, grade, language, entry_date,"
                    + " to_school_bin, payload_hash, sequence_no) values"
                    + " ('" + ENROLLED + "', 'pseudonym-1', 'ENROLLED', '100140000001', 3, 'KK', '2025-09-01', null,"
                    + " '\\x0102', 1),"
                    + " ('" + CLOSED + "', 'pseudonym-1', 'SCHOOL_CLOSED', '100140000001', null, null, '2026-06-30', null,"
                    + " null, 2)");
            st.execute("insert into spell (spell_id, student_id, school_bin, grade, language, valid_from, valid_to,"
                    + " opened_by, closed_by) values ('" + SPELL_A + "', 'pseudonym-1', '100140000001', 3, 'KK',"
                    + " '2025-09-01', '2026-06-30', '" + ENROLLED + "', '" + CLOSED + "')");
            st.execute("insert into outbox_message (topic, message_keys, payloads) values"
                    + " ('facts.enrolment.v1', array['k1', 'k2'], array['{\"a\":1}', '{\"b\":\"x y\"}'])");
        }
        migrateTo("7");

        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("set search_path = " + SCHEMA);
            try (ResultSet rs = st.executeQuery("select student_id, sex, birth_year, iin_last4, timeline, spells,"
                    + " open_school_bin from student order by student_id")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("student_id")).isEqualTo("pseudonym-1");
                assertThat(rs.getString("iin_last4")).isEqualTo("1234");
                assertThat(json.readTimeline(rs.getString("timeline"))).containsExactly(
                        new TimelineEntry(ENROLLED, TimelineEntry.Kind.ENROLLED, "100140000001", 3, Language.KK,
                                LocalDate.parse("2025-09-01"), null, 1),
                        TimelineEntry.schoolClosed(CLOSED, "100140000001", LocalDate.parse("2026-06-30"), 2));
                assertThat(json.readSpells(rs.getString("spells"))).containsExactly(new StoredSpell(SPELL_A,
                        "100140000001", 3, Language.KK, LocalDate.parse("2025-09-01"), LocalDate.parse("2026-06-30"),
                        ENROLLED, CLOSED));
                assertThat(rs.getString("open_school_bin")).as("the spell is closed").isNull();
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("student_id")).isEqualTo("pseudonym-2");
                assertThat(json.readTimeline(rs.getString("timeline"))).isEmpty();
                assertThat(json.readSpells(rs.getString("spells"))).isEmpty();
                assertThat(rs.next()).isFalse();
            }
            assertThat(rows(st, "select event_id || ' ' || encode(payload_hash, 'hex') from accepted_event"))
                    .as("the school's event, not the registry entry").containsExactly(ENROLLED + " 0102");
            assertThat(rows(st, "select topic, key_lines, payload_lines from outbox_message")).hasSize(1);
            try (ResultSet rs = st.executeQuery("select topic, key_lines, payload_lines from outbox_message")) {
                rs.next();
                assertThat(OutboxWriter.lines(rs.getString(1), rs.getString(2), rs.getString(3))).containsExactly(
                        new OutboxWriter.Message("facts.enrolment.v1", "k1", "{\"a\":1}"),
                        new OutboxWriter.Message("facts.enrolment.v1", "k2", "{\"b\":\"x y\"}"));
            }
        }
    }

    private void migrateTo(String version) {
        Flyway.configure().dataSource(url, user, password).schemas(SCHEMA).createSchemas(true)
                .locations("classpath:db/migration").target(version).load().migrate();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static List<String> rows(Statement st, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
