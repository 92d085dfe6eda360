package kz.nobd.ingest.domain;

import kz.nobd.contracts.events.EnrolmentEventType;
import kz.nobd.contracts.events.WithdrawalReason;
import kz.nobd.contracts.events.RejectionReason;
import static kz.nobd.ingest.domain.FieldChecks.blank;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.nobd.contracts.Iin;
import kz.nobd.contracts.Language;

/**
 * The syntax check of an enrolment event (docs/architecture.md, "Enrolment event"): shape, enums, BIN and IIN, grade,
 * dates. Collects every violation, for the REST 400 that lists each bad item; {@link Result#primaryReason()} gives
 * the one code to record for an event from Kafka. A valid IIN is pseudonymised here and dropped.
 * <ul>
 * <li>A missing required field is MALFORMED; a present but bad grade INVALID_GRADE, IIN INVALID_IIN, date or school
 * year INVALID_DATE.</li>
 * <li>The student's birth year, given or derived from the IIN, must lie in [today.year - 30, today.year], so the
 * REST layer never publishes a birthYear the consumer would refuse.</li>
 * <li>{@code toSchoolBin} on a type other than TRANSFERRED and {@code reason} on a type other than WITHDRAWN are
 * refused (MALFORMED), not ignored: they are the mark of a mixed-up event.</li>
 * </ul>
 * Whether the school exists, is open, is of the right type, and whether the move is allowed is checked later.
 */
public final class EnrolmentEventValidator {
    static final int MAX_GRADE = 12;
    static final int OLDEST_STUDENT_YEARS = 30;
    private static final Pattern SCHOOL_YEAR = Pattern.compile("(\\d{4})-(\\d{4})");

    private final Pseudonymizer pseudonymizer;
    private final LocalDate today;

    public EnrolmentEventValidator(Pseudonymizer pseudonymizer, LocalDate today) {
        this.pseudonymizer = pseudonymizer;
        this.today = today;
    }

    /** The validated event, or null with every violation in field order. */
    public record Result(EnrolmentEvent event, List<Violation> violations) {
        public boolean valid() {
            return violations.isEmpty();
        }

        /** See {@link Violation#primaryReason}; only for an invalid result. */
        public RejectionReason primaryReason() {
            return Violation.primaryReason(violations);
        }
    }

    private record Student(String id, char sex, int birthYear, String iinLast4) {
    }

    public Result validate(EnrolmentEventInput in) {
        FieldChecks checks = new FieldChecks();
        UUID eventId = checks.uuid("eventId", in.eventId());
        EnrolmentEventType type = checks.oneOf("type", in.type(), EnrolmentEventType.class);
        Student student = student(in, checks);
        String schoolBin = checks.bin("schoolBin", in.schoolBin());
        Integer grade = checks.wholeNumber("grade", in.grade(), 0, MAX_GRADE, RejectionReason.INVALID_GRADE);
        Language language = checks.oneOf("language", in.language(), Language.class);
        LocalDate occurredOn = checks.date("occurredOn", in.occurredOn());
        Integer firstYear = schoolYear(in.schoolYear(), checks);
        if (occurredOn != null) {
            checkOccurredOn(occurredOn, firstYear, checks);
        }
        String toSchoolBin = toSchoolBin(type, in.toSchoolBin(), schoolBin, checks);
        WithdrawalReason reason = reason(type, in.reason(), checks);
        if (!checks.clean()) {
            return new Result(null, checks.violations());
        }
        return new Result(new EnrolmentEvent(eventId, type, student.id(), student.sex(), student.birthYear(),
                student.iinLast4(), schoolBin, grade, language, occurredOn, in.schoolYear().strip(), toSchoolBin,
                reason), List.of());
    }

    private Student student(EnrolmentEventInput in, FieldChecks checks) {
        boolean hasIin = !blank(in.studentIin());
        boolean hasPseudonym = !blank(in.studentId()) || !blank(in.sex()) || !blank(in.birthYear());
        if (hasIin && hasPseudonym) {
            checks.add("studentIin", RejectionReason.MALFORMED,
                    "send either studentIin or studentId with sex and birthYear, not both");
            return null;
        }
        if (!hasIin && !hasPseudonym) {
            checks.add("studentIin", RejectionReason.MALFORMED, "studentIin is required (the student's 12-digit IIN)");
            return null;
        }
        return hasIin ? fromIin(in.studentIin().strip(), checks) : fromPseudonym(in, checks);
    }

    private Student fromIin(String text, FieldChecks checks) {
        String problem = Iin.problemWith(text);
        if (problem != null) {
            String hint = kz.nobd.contracts.Digits.exactly(text, 11) ? FieldChecks.LOST_LEADING_ZERO : "";
            checks.add("studentIin", RejectionReason.INVALID_IIN, "studentIin: " + problem + hint);
            return null;
        }
        Iin iin = Iin.parse(text);
        int birthYear = iin.birthDate().getYear();
        if (!plausibleBirthYear(birthYear)) {
            checks.add("studentIin", RejectionReason.INVALID_IIN,
                    "studentIin gives a birth year outside " + birthYears() + ", the years a student can be born in");
            return null;
        }
        return new Student(pseudonymizer.pseudonym(iin), iin.sex(), birthYear, text.substring(8));
    }

    private Student fromPseudonym(EnrolmentEventInput in, FieldChecks checks) {
        String id = checks.required("studentId", in.studentId(), "the 43-character pseudonym, with sex and birthYear");
        boolean ok = id != null;
        if (ok && !Pseudonymizer.isPseudonym(id)) {
            checks.add("studentId", RejectionReason.MALFORMED,
                    "studentId must be a pseudonym: 43 base64url characters (HMAC-SHA256 of the IIN)");
            ok = false;
        }
        String sex = checks.required("sex", in.sex(), "M or F");
        if (sex != null && !sex.equals("M") && !sex.equals("F")) {
            checks.add("sex", RejectionReason.MALFORMED, "sex must be M or F, was '" + Redaction.echo(sex) + "'");
            sex = null;
        }
        String year = checks.required("birthYear", in.birthYear(), "a year " + birthYears());
        if (year != null && !(kz.nobd.contracts.Digits.exactly(year, 4) && plausibleBirthYear(Integer.parseInt(year)))) {
            checks.add("birthYear", RejectionReason.MALFORMED,
                    "birthYear must be a year " + birthYears() + ", was '" + Redaction.echo(year) + "'");
            year = null;
        }
        return ok && sex != null && year != null ? new Student(id, sex.charAt(0), Integer.parseInt(year), null) : null;
    }

    private boolean plausibleBirthYear(int year) {
        return year >= today.getYear() - OLDEST_STUDENT_YEARS && year <= today.getYear();
    }

    private String birthYears() {
        return (today.getYear() - OLDEST_STUDENT_YEARS) + ".." + today.getYear();
    }

    /** The first year of a "YYYY-YYYY" school year, or null. */
    private static Integer schoolYear(String value, FieldChecks checks) {
        String text = checks.required("schoolYear", value, "two consecutive years YYYY-YYYY, e.g. 2025-2026");
        if (text == null) {
            return null;
        }
        Matcher m = SCHOOL_YEAR.matcher(text);
        if (!m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
            checks.add("schoolYear", RejectionReason.INVALID_DATE,
                    "schoolYear must be two consecutive years YYYY-YYYY, e.g. 2025-2026, was '" + Redaction.echo(text) + "'");
            return null;
        }
        return Integer.parseInt(m.group(1));
    }

    private void checkOccurredOn(LocalDate occurredOn, Integer firstYear, FieldChecks checks) {
        if (occurredOn.isAfter(today)) {
            checks.add("occurredOn", RejectionReason.INVALID_DATE,
                    "occurredOn must not be in the future (today is " + today + "), was " + occurredOn);
        }
        if (firstYear != null) {
            LocalDate from = LocalDate.of(firstYear, 9, 1);
            LocalDate to = LocalDate.of(firstYear + 1, 8, 31);
            if (occurredOn.isBefore(from) || occurredOn.isAfter(to)) {
                checks.add("occurredOn", RejectionReason.INVALID_DATE, "occurredOn must lie in school year " + firstYear
                        + "-" + (firstYear + 1) + " (" + from + ".." + to + "), was " + occurredOn);
            }
        }
    }

    private static String toSchoolBin(EnrolmentEventType type, String value, String schoolBin, FieldChecks checks) {
        if (type != EnrolmentEventType.TRANSFERRED) {
            if (type != null) {
                checks.absent("toSchoolBin", value, "on TRANSFERRED (the receiving school), this event is " + type);
            }
            return null;
        }
        String toSchoolBin = checks.bin("toSchoolBin", value);
        if (toSchoolBin != null && toSchoolBin.equals(schoolBin)) {
            checks.add("toSchoolBin", RejectionReason.MALFORMED,
                    "toSchoolBin must differ from schoolBin: a transfer moves the student to another school");
        }
        return toSchoolBin;
    }

    private static WithdrawalReason reason(EnrolmentEventType type, String value, FieldChecks checks) {
        if (type == EnrolmentEventType.WITHDRAWN) {
            return checks.oneOf("reason", value, WithdrawalReason.class);
        }
        if (type != null) {
            checks.absent("reason", value, "on WITHDRAWN (why the student left), this event is " + type);
        }
        return null;
    }
}
