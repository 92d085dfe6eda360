package kz.nobd.registry.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kz.nobd.contracts.InstitutionCard;

/** The parameters the registry endpoints share and the shapes of generic answers, for the OpenAPI document. */
final class ApiSchemas {
    static final String CSV = "text/csv";
    static final String BIN = "The institution's 12-digit BIN (with a valid check digit; another value is a 400)";
    static final String BIN_PATTERN = "^[0-9]{12}$";
    static final String KATO_PATTERN = "^[0-9]{9}$";
    static final String FORMAT = "json (default), csv (RFC 4180, for programs) or excel (BOM, ';', headers in kk or"
            + " ru, BIN and KATO kept as text, a file name in Content-Disposition)";
    static final String LANG = "The header language of format=excel: kk or ru (default: Accept-Language, else kk)";
    static final String PAGE = "Page number, 0 first; page * size at most 10,000,000";
    static final String SIZE = "Items a page";
    static final String IF_MATCH = "The card's ETag (its version, as GET answered it)";

    private ApiSchemas() {
    }

    @Schema(name = "InstitutionPage", description = "One page of institution cards")
    record InstitutionPage(List<InstitutionCard> items, int page, int size, long total) {
    }

    @Schema(name = "HistoryPage", description = "One page of a card's versions, newest first")
    record HistoryPage(List<HistoryEntry> items, int page, int size, long total) {
    }

    @Schema(name = "TerritoryPage", description = "One page of the KATO reference")
    record TerritoryPage(List<TerritoryView> items, int page, int size, long total) {
    }
}
