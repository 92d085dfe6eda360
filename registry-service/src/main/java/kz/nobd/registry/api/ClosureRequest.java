package kz.nobd.registry.api;

/** Body of POST /institutions/{bin}/closure: with a successor the status becomes MERGED, else CLOSED. */
public record ClosureRequest(String closedOn, String reason, String successorBin) {
}
