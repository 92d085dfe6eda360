package kz.nobd.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import kz.nobd.contracts.Language;
import kz.nobd.ingest.domain.TimelineEntry;

/** What the student row's JSON columns hold reads back into the same records; absent fields are null. */
class StudentStateJsonTest {
    private final StudentStateJson json = new StudentStateJson(new ObjectMapper().registerModule(new JavaTimeModule()));
    private static final UUID A = UUID.fromString("0a4d3c56-0000-4000-8000-000000000001");
    private static final UUID B = UUID.fromString("0a4d3c56-0000-4000-8000-000000000002");
    private static final UUID C = UUID.fromString("0a4d3c56-0000-4000-8000-000000000003");

    @Test
    void aTimelineOfEveryShapeReadsBackTheSame() {
        List<TimelineEntry> timeline = List.of(
                new TimelineEntry(A, TimelineEntry.Kind.ENROLLED, "100140000001", 3, Language.KK,
                        LocalDate.parse("2025-09-01"), null, 1),
                new TimelineEntry(B, TimelineEntry.Kind.TRANSFERRED, "100140000001", 3, Language.KK,
                        LocalDate.parse("2026-02-01"), "100140000002", 2),
                TimelineEntry.schoolMerged(C, "100140000002", "100140000003", LocalDate.parse("2026-06-30"), 3));

        String text = json.timeline(timeline);

        assertThat(json.readTimeline(text)).isEqualTo(timeline);
        assertThat(text).startsWith("[{\"eventId\":\"" + A + "\",\"kind\":\"ENROLLED\",\"schoolBin\":\"100140000001\","
                + "\"grade\":3,\"language\":\"KK\",\"date\":\"2025-09-01\",\"sequence\":1}").doesNotContain("null");
        assertThat(json.readTimeline(json.timeline(List.of()))).isEmpty();
    }

    @Test
    void openAndClosedSpellsReadBackTheSame() {
        List<StoredSpell> spells = List.of(
                new StoredSpell(C, "100140000001", 3, Language.RU, LocalDate.parse("2025-09-01"),
                        LocalDate.parse("2026-02-01"), A, B),
                new StoredSpell(A, "100140000002", 3, Language.RU, LocalDate.parse("2026-02-01"), null, B, null));

        String text = json.spells(spells);

        assertThat(json.readSpells(text)).isEqualTo(spells);
        assertThat(text).doesNotContain("null").contains("\"validTo\":\"2026-02-01\"", "\"closedBy\":\"" + B + "\"");
    }
}
