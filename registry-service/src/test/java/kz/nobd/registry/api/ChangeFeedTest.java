package kz.nobd.registry.api;

import static kz.nobd.testing.Callers.GARBAGE_TOKEN;
import static kz.nobd.testing.Callers.NO_TOKEN;
import static kz.nobd.testing.Callers.as;
import static kz.nobd.testing.Problems.assertInvalid;
import static kz.nobd.testing.Problems.assertProblem;
import static kz.nobd.testing.Tokens.MINISTRY;
import static kz.nobd.testing.Tokens.OBLAST_AKMOLA;
import static kz.nobd.testing.Tokens.OBLAST_AKTOBE;
import static kz.nobd.testing.Tokens.REPORT_CONSUMER;
import static kz.nobd.testing.Tokens.SCHOOL_AKMOLA;
import static kz.nobd.testing.Tokens.SCHOOL_AKMOLA_BIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.nobd.registry.testing.Institutions;

/**
 * GET /institutions/changes: versions in commit order after a cursor, in pages, narrowed to the caller's
 * jurisdiction. Each test starts at the feed's current end (the highest change number), so the versions it
 * creates are the only ones it reads.
 */
@QuarkusTest
class ChangeFeedTest {
    private static final String FEED = "/api/v1/institutions/changes";

    @Inject
    DataSource dataSource;

    private long end;

    @BeforeEach
    void startAtTheEnd() throws Exception {
        Institutions.ensureDemoSchools();
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("select coalesce(max(change_seq), 0) from institution_version")) {
            rs.next();
            end = rs.getLong(1);
        }
    }

    @Test
    void versionsComeInCommitOrderWithTheCursorOfTheNextCall() {
        String akmola = Institutions.createSchool(Institutions.AKMOLA_VILLAGE);
        String aktobe = Institutions.createSchool(Institutions.AKTOBE_CITY);
        rename(akmola, 1, "Школа-лицей");

        JsonPath feed = feed(MINISTRY, end, null);

        assertThat(feed.getList("items.bin", String.class)).containsExactly(akmola, aktobe, akmola);
        assertThat(feed.getList("items.version", Integer.class)).containsExactly(1, 1, 2);
        assertThat(feed.getList("items.changeKind", String.class)).containsExactly("CREATED", "CREATED", "UPDATED");
        assertThat(feed.getString("items[2].card.nameRu")).isEqualTo("Школа-лицей");
        assertThat(feed.getInt("items[2].card.version")).isEqualTo(2);
        List<Long> changes = feed.getList("items.change", Long.class);
        assertThat(changes).isSorted().doesNotHaveDuplicates().allSatisfy(c -> assertThat(c).isGreaterThan(end));
        assertThat(feed.getLong("nextSince")).isEqualTo(changes.get(2));
        assertThat(feed.getBoolean("more")).isFalse();
        assertThat(feed(MINISTRY, feed.getLong("nextSince"), null).getList("items")).as("nothing new").isEmpty();
        assertThat(feed(MINISTRY, feed.getLong("nextSince"), null).getLong("nextSince"))
                .as("an empty answer keeps the cursor").isEqualTo(feed.getLong("nextSince"));
    }

    @Test
    void aLongFeedComesInPagesThatNeitherSkipNorRepeat() {
        String first = Institutions.createSchool(Institutions.AKMOLA_VILLAGE);
        String second = Institutions.createSchool(Institutions.AKMOLA_VILLAGE);
        String third = Institutions.createSchool(Institutions.AKMOLA_VILLAGE);

        JsonPath page1 = feed(MINISTRY, end, 2);
        JsonPath page2 = feed(MINISTRY, page1.getLong("nextSince"), 2);

        assertThat(page1.getList("items.bin", String.class)).containsExactly(first, second);
        assertThat(page1.getBoolean("more")).isTrue();
        assertThat(page2.getList("items.bin", String.class)).containsExactly(third);
        assertThat(page2.getBoolean("more")).isFalse();
    }

    @Test
    void eachCallerSeesItsJurisdictionAndAnOblastSeesACardLeaveIt() {
        String moving = Institutions.createSchool(Institutions.AKMOLA_VILLAGE);
        String aktobe = Institutions.createSchool(Institutions.AKTOBE_CITY);
        Map<String, Object> moved = Institutions.body(moving, Institutions.AKTOBE_CITY);
        Institutions.replace(MINISTRY, moving, 1, moved).then().statusCode(200);
        moved.put("nameRu", "Школа после переезда");
        Institutions.replace(MINISTRY, moving, 2, moved).then().statusCode(200);

        assertThat(versionsSeenBy(MINISTRY)).containsExactly(moving + "/1", aktobe + "/1", moving + "/2", moving + "/3");
        assertThat(versionsSeenBy(REPORT_CONSUMER)).containsExactly(moving + "/1", aktobe + "/1", moving + "/2",
                moving + "/3");
        assertThat(versionsSeenBy(OBLAST_AKMOLA)).as("its card, and the version that moved it to Aktobe, no later one")
                .containsExactly(moving + "/1", moving + "/2");
        assertThat(versionsSeenBy(OBLAST_AKTOBE)).as("the moved card from its arrival on")
                .containsExactly(aktobe + "/1", moving + "/2", moving + "/3");
        assertThat(versionsSeenBy(SCHOOL_AKMOLA)).as("a school sees its own card's versions only")
                .allSatisfy(v -> assertThat(v).startsWith(SCHOOL_AKMOLA_BIN + "/"));
    }

    @Test
    void withoutATokenTheFeedIs401() {
        assertProblem(as(NO_TOKEN).get(FEED), 401).body("$", not(hasKey("items")));
        assertProblem(as(GARBAGE_TOKEN).get(FEED), 401).body("$", not(hasKey("items")));
    }

    @Test
    void aBadCursorOrSizeIs400NamingTheAllowedValues() {
        assertInvalid(as(MINISTRY).queryParam("since", "-1").get(FEED), "since", "since must be 0..");
        assertInvalid(as(MINISTRY).queryParam("since", "abc").get(FEED), "since", "whole number");
        assertInvalid(as(MINISTRY).queryParam("size", "1001").get(FEED), "size", "1..1000");
        assertInvalid(as(MINISTRY).queryParam("size", "0").get(FEED), "size", "1..1000");
    }

    private void rename(String bin, long version, String nameRu) {
        Map<String, Object> body = Institutions.body(bin, Institutions.AKMOLA_VILLAGE);
        body.put("nameRu", nameRu);
        Institutions.replace(MINISTRY, bin, version, body).then().statusCode(200);
    }

    /** "bin/version" of every version {@code caller} reads after the test's start, following the cursor. */
    private List<String> versionsSeenBy(String caller) {
        JsonPath feed = feed(caller, end, null);
        assertThat(feed.getBoolean("more")).isFalse();
        List<String> bins = feed.getList("items.bin", String.class);
        List<Integer> versions = feed.getList("items.version", Integer.class);
        return java.util.stream.IntStream.range(0, bins.size()).mapToObj(i -> bins.get(i) + "/" + versions.get(i))
                .toList();
    }

    private static JsonPath feed(String caller, long since, Integer size) {
        var request = as(caller).queryParam("since", since);
        if (size != null) {
            request.queryParam("size", size);
        }
        return request.get(FEED).then().statusCode(200).contentType("application/json").extract().jsonPath();
    }
}
