package kz.nobd.registry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.registry.service.CardCache;
import kz.nobd.registry.testing.Institutions;
import kz.nobd.testing.Tokens;

/**
 * GET by BIN is served from the replica's memory (CardCache) and still shows every committed change: one made through
 * this replica at once, one made by another writer (another replica, SQL by hand) as soon as PostgreSQL's notice
 * of the commit arrives (migration V7), on the real test PostgreSQL.
 */
@QuarkusTest
class CardCacheNoticeTest {
    @Inject
    CardCache cache;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void listening() {
        await().atMost(Duration.ofSeconds(20)).until(cache::isListening);
    }

    @Test
    void aChangeByAnotherWriterIsShownOnceItsNoticeArrivesAndNotBefore() throws SQLException {
        String bin = Institutions.createSchool(Institutions.AKMOLA_VILLAGE);
        Institutions.get(Tokens.MINISTRY, bin).then().statusCode(200).body("phone", equalTo(null));

        // a change that sends no notice (the trigger off inside its own transaction): the kept card is still served,
        // which shows that it came from memory
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("alter table institution disable trigger institution_updated");
                s.execute("update institution set phone = '+7 7162 11 11 11' where bin = '" + bin + "'");
                s.execute("alter table institution enable trigger institution_updated");
            }
            c.commit();
        }
        Institutions.get(Tokens.MINISTRY, bin).then().statusCode(200).body("phone", equalTo(null));

        // the same change announced, as every change is: the next reads show it
        setPhone(bin, "+7 7162 22 22 22");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                Institutions.get(Tokens.MINISTRY, bin).then().statusCode(200).body("phone", equalTo("+7 7162 22 22 22")));
        assertThat(cache.size()).isPositive();
    }

    @Test
    void aChangeThroughThisReplicaIsShownByTheNextGetAtOnceWithoutANotice() throws SQLException {
        String bin = Institutions.createSchool(Institutions.AKMOLA_VILLAGE);
        // no notices while this runs: only the PUT's own transaction can make the replica forget the kept card
        notices("disable");
        try {
            putAndGet(bin);
        } finally {
            notices("enable");
        }
    }

    private static void putAndGet(String bin) {
        for (int version = 1; version <= 5; version++) {
            Institutions.get(Tokens.MINISTRY, bin).then().statusCode(200).header("ETag", "\"" + version + "\"");
            Institutions.get(Tokens.MINISTRY, bin).then().statusCode(200).header("ETag", "\"" + version + "\"");
            Map<String, Object> body = Institutions.body(bin, Institutions.AKMOLA_VILLAGE);
            body.put("capacity", 500 + version);
            Institutions.replace(Tokens.MINISTRY, bin, version, body).then().statusCode(200);
            // no waiting: the PUT's transaction forgot the kept card before it answered
            Institutions.get(Tokens.MINISTRY, bin).then().statusCode(200).header("ETag", "\"" + (version + 1) + "\"")
                    .body("capacity", equalTo(500 + version));
        }
    }

    @Test
    void aClosureIsShownByTheNextGetAndOutsideTheJurisdictionTheKeptCardIsStill404() {
        String bin = Institutions.createSchool(Institutions.AKMOLA_VILLAGE);
        Institutions.get(Tokens.OBLAST_AKMOLA, bin).then().statusCode(200).body("status", equalTo("OPEN"));
        Institutions.get(Tokens.OBLAST_ALMATY, bin).then().statusCode(404);

        Institutions.close(Tokens.MINISTRY, bin, "2026-06-30", "merged into a larger school").then().statusCode(200);

        Institutions.get(Tokens.OBLAST_AKMOLA, bin).then().statusCode(200).body("status", equalTo("CLOSED"));
        Institutions.get(Tokens.OBLAST_ALMATY, bin).then().statusCode(404);
    }

    private void notices(String enableOrDisable) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("alter table institution " + enableOrDisable + " trigger institution_updated");
        }
    }

    private void setPhone(String bin, String phone) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("update institution set phone = ? where bin = ?")) {
            update.setString(1, phone);
            update.setString(2, bin);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
