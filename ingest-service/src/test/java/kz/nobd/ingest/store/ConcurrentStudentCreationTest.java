package kz.nobd.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.contracts.Language;
import kz.nobd.ingest.domain.TimelineEntry;
import kz.nobd.ingest.pipeline.Transient;

/**
 * Two transactions that both meet a student for the first time (outside producers may spread one student's events
 * over partitions): both decide on an empty timeline and insert the row; the later one must not store a second
 * student nor reject its events, but fail in a way the consumer retries as a whole (a serialisation failure), and
 * find the student stored when it does.
 */
@QuarkusTest
class ConcurrentStudentCreationTest {
    @Inject
    DataSource dataSource;
    @Inject
    StudentTimelines timelines;

    @Test
    void theLaterOfTwoCreationsIsRetriedAndThenFindsTheStudent() throws Exception {
        String studentId = "concurrent-" + UUID.randomUUID().toString().replace("-", "");
        try (Connection first = transaction(); Connection second = transaction()) {
            storeNew(first, studentId);
            int secondPid = pid(second);
            CompletableFuture<Void> later = CompletableFuture.runAsync(() -> {
                try {
                    storeNew(second, studentId);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> waitsForALock(secondPid));
            first.commit();

            Throwable failure = catchThrowable(later::get);
            assertThat(failure).isInstanceOf(ExecutionException.class);
            assertThat(Transient.is(failure)).as("retried as a whole, not rejected: %s", failure).isTrue();
            second.rollback();

            StudentSet retried = timelines.lock(second, List.of(student(studentId)));
            assertThat(retried.member(studentId).created()).isFalse();
            assertThat(retried.member(studentId).timeline()).hasSize(1);
            second.rollback();
        }
    }

    private void storeNew(Connection c, String studentId) throws SQLException {
        StudentSet set = timelines.lock(c, List.of(student(studentId)));
        assertThat(set.member(studentId).created()).isTrue();
        set.append(set.member(studentId), new TimelineEntry(UUID.randomUUID(), TimelineEntry.Kind.ENROLLED, "100140000001", 3,
                Language.KK, LocalDate.parse("2025-09-01"), null, 1), new byte[] {1});
        timelines.store(c, set);
    }

    private static StudentSet.Student student(String studentId) {
        return new StudentSet.Student(studentId, 'F', 2017, null);
    }

    private Connection transaction() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        return c;
    }

    private static int pid(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select pg_backend_pid()"); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private boolean waitsForALock(int pid) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("select count(*) from pg_locks where pid = ? and not granted")) {
            st.setInt(1, pid);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }
}
