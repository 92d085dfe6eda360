package kz.nobd.ingest.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kz.nobd.ingest.intake.IngestQueries;

/** The shapes of answers the resources build as maps, for the OpenAPI document (docs/api.md, "Lists"). */
final class ApiSchemas {
    private ApiSchemas() {
    }

    @Schema(name = "Accepted", description = "A submission committed on Kafka: its batch and how many items it holds")
    record Accepted(UUID batchId, int received) {
    }

    @Schema(name = "RejectionPage", description = "One page of rejected items, newest first")
    record RejectionPage(List<IngestQueries.Rejection> items, int page, int size, long total) {
    }

    @Schema(name = "ConflictPage", description = "One page of students claimed by two schools, the IIN masked")
    record ConflictPage(List<IngestQueries.Conflict> items, int page, int size, long total) {
    }
}
