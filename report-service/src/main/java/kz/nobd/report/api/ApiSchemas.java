package kz.nobd.report.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shapes of answers built as maps, and the parameters the report endpoints share, for the OpenAPI document. */
final class ApiSchemas {
    static final String CSV = "text/csv";
    static final String LEVEL = "NATIONAL (default), OBLAST, DISTRICT or SCHOOL";
    static final String KATO = "A 9-digit KATO code of the reference: only rows under it";
    static final String BIN = "A school's 12-digit BIN (level SCHOOL)";
    static final String AS_OF = "The date (YYYY-MM-DD) the figures are as of: today (Asia/Almaty, the default) or earlier";
    static final String PAGE = "Page number, 0 first; page * size at most 10,000,000";
    static final String SIZE = "Rows a page";
    static final String LEVEL_REFUSED = "A level the role may not read: oblast at NATIONAL, school other than SCHOOL,"
            + " report-consumer at SCHOOL.";
    static final String CARD_LEVEL_REFUSED = "A level whose card the role may not read: oblast and school at NATIONAL,"
            + " report-consumer at SCHOOL.";
    static final String OUTSIDE = "A `kato` or `bin` outside the caller's jurisdiction.";
    static final String CARD_OUTSIDE = "A `kato` or `bin` outside the caller's jurisdiction; for a school user, a"
            + " DISTRICT or OBLAST other than its own school's on the date, or another school's `bin`.";
    static final String BUSY = "A heavy query while two are being computed, the database is down, or the replica is"
            + " still catching up.";
    static final String KATO_PATTERN = "^[0-9]{9}$";
    static final String BIN_PATTERN = "^[0-9]{12}$";

    private ApiSchemas() {
    }

    @Schema(name = "Level", type = SchemaType.STRING, enumeration = {"NATIONAL", "OBLAST", "DISTRICT", "SCHOOL"})
    static final class Level {
    }

    @Schema(name = "AuditEntry", description = "One school-level read or export")
    record AuditEntry(long id, Instant at, String user, String role, String jurisdiction, String endpoint,
            String query, @Schema(enumeration = {"json", "csv"}) String format, int rows) {
    }

    @Schema(name = "AuditPage", description = "One page of the audit, newest first")
    record AuditPage(List<AuditEntry> items, int page, int size, long total) {
    }
}
