package kz.nobd.report.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import kz.nobd.contracts.events.SignoffKind;
import kz.nobd.report.domain.Level;
import kz.nobd.report.service.Jurisdiction;
import kz.nobd.report.service.RollupQuery;
import kz.nobd.report.signoff.ConfirmedFigures;
import kz.nobd.support.FieldError;
import kz.nobd.support.ValidationException;

/**
 * Which figures a rollup or card is made of ({@code basis}, {@code period}; docs/signoff.md, "Official figures"), as a
 * {@code @BeanParam}: today's (live, the default) or a period's confirmed ones, as of its census date.
 */
public class BasisParams {
    @Parameter(description = "live: today's figures (the default; refused to report-consumer); confirmed: the signed "
            + "figures of the ACCEPTED and LOCKED returns of a period, as of its census date (report-consumer: LOCKED "
            + "periods only, and confirmed is its default)",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"live", "confirmed"}))
    @QueryParam("basis")
    public String basis;

    @Parameter(description = "With basis=confirmed: the period's id (default: the latest period of the report's kind; "
            + "for report-consumer the latest LOCKED one)", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("period")
    public String period;

    /** The query of an answer and the figures it is made of (null: today's). */
    record Basis(ConfirmedFigures.Confirmed confirmed, RollupQuery query) {
        /** The cache key part of the figures: live, or the period and its state. */
        String key() {
            return confirmed == null ? "live" : confirmed.key();
        }
    }

    /**
     * The query ({@code parse} reads the other parameters) on the figures asked for: every bad parameter, the
     * others' and {@code basis}/{@code period}, in one 400; then a level the role may never read (403) before any
     * period is looked for; with confirmed figures the date is the period's census date, and {@code asOf} must be
     * absent.
     */
    Basis apply(ConfirmedFigures figures, SignoffKind kind, Jurisdiction j, Supplier<RollupQuery> parse, String asOf) {
        return apply(figures, kind, j, j::checkLevel, parse, asOf);
    }

    /** As above, with the level check of the endpoint ({@link Jurisdiction#checkCardLevel} for indicator cards). */
    Basis apply(ConfirmedFigures figures, SignoffKind kind, Jurisdiction j, Consumer<Level> checkLevel,
            Supplier<RollupQuery> parse, String asOf) {
        List<FieldError> errors = new ArrayList<>();
        RollupQuery query = null;
        try {
            query = parse.get();
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        errors.addAll(ConfirmedFigures.syntax(basis, period));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        checkLevel.accept(query.level());
        ConfirmedFigures.Confirmed confirmed = figures.resolve(basis, period, kind, j);
        if (confirmed == null) {
            return new Basis(null, query);
        }
        if (asOf != null && !asOf.isBlank()) {
            throw new ValidationException(List.of(new FieldError("asOf", "confirmed figures are as of their period's "
                    + "census date (" + confirmed.period().censusDate() + "): leave asOf out")));
        }
        RollupQuery q = query;
        return new Basis(confirmed, new RollupQuery(q.level(), q.kato(), q.bin(), confirmed.period().censusDate(), q.by(),
                q.paging()));
    }
}
