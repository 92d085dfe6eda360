package kz.nobd.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.contracts.InstitutionStatus;
import kz.nobd.contracts.InstitutionType;
import kz.nobd.ingest.domain.CardVersion;
import kz.nobd.testing.Ids;

/**
 * Two copies of ingest-service read every card of the registry topic and store it in the one shared table: each
 * copy's view ends up knowing the card, but only the copy whose insert took it is told so (and reacts to a
 * closure), also when both store it at the same moment.
 */
@QuarkusTest
class RegistryViewCopiesTest {
    @Inject
    DataSource dataSource;

    @Test
    void aCardStoredByOneCopyIsKnownToTheOtherWhichDoesNotReactToItAgain() throws Exception {
        RegistryView first = copy(), second = copy();
        CardVersion closed = closedCard();
        assertThat(storeAndCommit(first, closed)).containsExactly(closed);
        assertThat(storeAndCommit(second, closed)).as("stored by the other copy before").isEmpty();
        second.remember(closed);
        assertThat(second.latest(closed.bin())).contains(closed);
    }

    @Test
    void twoCopiesStoringOneCardAtOnceReactOnceBetweenThem() throws Exception {
        RegistryView first = copy(), second = copy();
        CardVersion closed = closedCard();
        CountDownLatch both = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<CardVersion>>> results = pool.invokeAll(List.<Callable<List<CardVersion>>>of(
                    () -> storeTogether(first, closed, both), () -> storeTogether(second, closed, both)), 30,
                    TimeUnit.SECONDS);
            List<CardVersion> told = new java.util.ArrayList<>();
            for (Future<List<CardVersion>> result : results) {
                told.addAll(result.get());
            }
            assertThat(told).containsExactly(closed);
        } finally {
            pool.shutdownNow();
        }
    }

    private RegistryView copy() {
        RegistryView view = new RegistryView();
        view.dataSource = dataSource;
        return view;
    }

    private static CardVersion closedCard() {
        return new CardVersion(Ids.bin(), 2, InstitutionType.SCHOOL, InstitutionStatus.CLOSED, "110000000", "111000000",
                LocalDate.of(2026, 1, 1), LocalDate.of(2000, 9, 1), LocalDate.of(2026, 1, 1), null);
    }

    private List<CardVersion> storeAndCommit(RegistryView view, CardVersion card) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<CardVersion> inserted = view.store(c, List.of(card));
            c.commit();
            return inserted;
        }
    }

    /** Both transactions insert before either commits: the second waits for the first, then finds the row. */
    private List<CardVersion> storeTogether(RegistryView view, CardVersion card, CountDownLatch both) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            both.countDown();
            both.await(10, TimeUnit.SECONDS);
            List<CardVersion> inserted = view.store(c, List.of(card));
            c.commit();
            return inserted;
        }
    }
}
