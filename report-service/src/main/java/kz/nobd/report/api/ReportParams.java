package kz.nobd.report.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.nobd.contracts.Bin;
import kz.nobd.report.domain.Dimension;
import kz.nobd.report.domain.Level;
import kz.nobd.report.domain.Submission;
import kz.nobd.report.service.KatoNames;
import kz.nobd.report.service.RollupQuery;
import kz.nobd.report.service.SdmxEnrolment;
import kz.nobd.support.FieldError;
import kz.nobd.support.Paging;
import kz.nobd.support.Params;
import kz.nobd.support.ValidationException;

/**
 * Reads and checks the query parameters of the report endpoints; every bad one is listed in one 400 that names
 * the parameter and what is allowed.
 */
@ApplicationScoped
public class ReportParams {
    static final int DEFAULT_PAGE_SIZE = 500;

    @Inject
    KatoNames kato;
    @Inject
    Clock clock;

    public RollupQuery rollup(String level, String territory, String bin, String asOf, String by, String page,
            String size, Set<Dimension> allowedBy) {
        List<FieldError> errors = new ArrayList<>();
        Level l = level(level, errors);
        String k = kato(territory, errors);
        String b = bin(bin, errors);
        LocalDate date = asOf(asOf, errors);
        List<Dimension> dims = by(by, allowedBy, errors);
        Paging paging = null;
        try {
            paging = Paging.of(page, size, DEFAULT_PAGE_SIZE);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        failOn(errors);
        return new RollupQuery(l, k, b, date, dims, paging);
    }

    /**
     * The parameters of the SDMX export: {@code level} OBLAST (the default) or DISTRICT, a territory filter, the
     * date; the query is the enrolment rollup the message is made of.
     */
    public RollupQuery sdmx(String level, String territory, String asOf) {
        List<FieldError> errors = new ArrayList<>();
        Level l = sdmxLevel(level, errors);
        String k = kato(territory, errors);
        LocalDate date = asOf(asOf, errors);
        failOn(errors);
        return SdmxEnrolment.query(l, k, date);
    }

    public Submission.Kind kind(String value) {
        List<FieldError> errors = new ArrayList<>();
        Submission.Kind kind = null;
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("kind", "kind is required: enrolment or equipment"));
        } else {
            try {
                kind = Submission.Kind.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("kind", "kind must be enrolment or equipment, was '" + Params.shown(value) + "'"));
            }
        }
        failOn(errors);
        return kind;
    }

    /** A territory filter, checked alone (completeness). */
    public String kato(String value) {
        List<FieldError> errors = new ArrayList<>();
        String k = kato(value, errors);
        failOn(errors);
        return k;
    }

    /** A date parameter, checked alone; {@code fallback} when absent. */
    public LocalDate date(String name, String value, LocalDate fallback) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = Params.date(name, value, fallback, errors);
        failOn(errors);
        return date;
    }

    /** Free text such as a user name: one line, at most {@code maxLength} characters; null when absent. */
    public String text(String name, String value, int maxLength) {
        List<FieldError> errors = new ArrayList<>();
        String text = Params.text(name, value, maxLength, errors);
        failOn(errors);
        return text;
    }

    public java.time.ZoneId zone() {
        return clock.getZone();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private static void failOn(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static Level level(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return Level.NATIONAL;
        }
        try {
            return Level.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("level", "level must be one of NATIONAL, OBLAST, DISTRICT, SCHOOL, was '"
                    + Params.shown(value) + "'"));
            return null;
        }
    }

    private static Level sdmxLevel(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return Level.OBLAST;
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        if (v.equals(Level.OBLAST.name()) || v.equals(Level.DISTRICT.name())) {
            return Level.valueOf(v);
        }
        errors.add(new FieldError("level", "level must be OBLAST or DISTRICT (REF_AREA is the KATO code of an oblast"
                + " or a district), was '" + Params.shown(value) + "'"));
        return null;
    }

    private String kato(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (!kz.nobd.contracts.Digits.exactly(v, 9)) {
            errors.add(new FieldError("kato", "kato must be a 9-digit KATO code, was '" + Params.shown(v) + "'"));
        } else if (!kato.exists(v)) {
            errors.add(new FieldError("kato", "kato " + v + " is not in the KATO reference"));
        }
        return v;
    }

    private static String bin(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Bin.parse(value.strip()).value();
        } catch (RuntimeException e) {
            errors.add(new FieldError("bin", "bin must be 12 digits with a valid check digit"));
            return null;
        }
    }

    private LocalDate asOf(String value, List<FieldError> errors) {
        LocalDate today = today();
        LocalDate date = Params.date("asOf", value, today, errors);
        if (date.isAfter(today)) {
            errors.add(new FieldError("asOf", "asOf must be today (" + today + ") or earlier, was " + date));
        }
        return date;
    }

    private static List<Dimension> by(String value, Set<Dimension> allowed, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        Set<Dimension> dims = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            Dimension d = Dimension.fromField(part.strip().toLowerCase(Locale.ROOT));
            if (d == null || !allowed.contains(d)) {
                errors.add(new FieldError("by", "by must be a comma-separated list of "
                        + allowed.stream().map(Dimension::field).collect(Collectors.joining(", ")) + "; '"
                        + Params.shown(part.strip()) + "' is not one"));
            } else {
                dims.add(d);
            }
        }
        return List.copyOf(dims);
    }

    static Set<Dimension> all() {
        return new LinkedHashSet<>(Arrays.asList(Dimension.values()));
    }
}
