package kz.nobd.ingest.intake;

import java.util.UUID;

/** The REST batch an event was submitted in and its index there; null for events from outside producers. */
public record BatchRef(UUID batchId, int index) {
}
