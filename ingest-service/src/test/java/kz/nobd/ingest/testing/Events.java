package kz.nobd.ingest.testing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.nobd.testing.Ids;

/**
 * Enrolment events as a school system sends them (studentIin, not the pseudonym): JSON-ready maps with a fresh
 * event id, language KK and the school year that contains {@code occurredOn}. Change a field with {@code put}.
 */
public final class Events {
    private Events() {
    }

    public static Map<String, Object> enrolled(String iin, String bin, int grade, String occurredOn) {
        return event("ENROLLED", iin, bin, grade, occurredOn);
    }

    public static Map<String, Object> promoted(String iin, String bin, int grade, String occurredOn) {
        return event("PROMOTED", iin, bin, grade, occurredOn);
    }

    public static Map<String, Object> transferred(String iin, String bin, String toBin, int grade, String occurredOn) {
        Map<String, Object> event = event("TRANSFERRED", iin, bin, grade, occurredOn);
        event.put("toSchoolBin", toBin);
        return event;
    }

    public static Map<String, Object> withdrawn(String iin, String bin, int grade, String occurredOn) {
        Map<String, Object> event = event("WITHDRAWN", iin, bin, grade, occurredOn);
        event.put("reason", "MOVED_ABROAD");
        return event;
    }

    public static Map<String, Object> graduated(String iin, String bin, int grade, String occurredOn) {
        return event("GRADUATED", iin, bin, grade, occurredOn);
    }

    public static Map<String, Object> event(String type, String iin, String bin, int grade, String occurredOn) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", Ids.eventId());
        event.put("type", type);
        event.put("studentIin", iin);
        event.put("schoolBin", bin);
        event.put("grade", grade);
        event.put("language", "KK");
        event.put("occurredOn", occurredOn);
        event.put("schoolYear", schoolYear(LocalDate.parse(occurredOn)));
        return event;
    }

    /** A copy with the same event id. */
    public static Map<String, Object> copy(Map<String, Object> event) {
        return new LinkedHashMap<>(event);
    }

    public static String id(Map<String, Object> event) {
        return (String) event.get("eventId");
    }

    /** "2025-2026" for a date from 2025-09-01 to 2026-08-31. */
    public static String schoolYear(LocalDate date) {
        int first = date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1;
        return first + "-" + (first + 1);
    }
}
