package kz.nobd.contracts.events;

/** One line of an equipment report: how many devices of a kind; {@code forTeaching} and {@code needsReplacement} are parts of {@code total}. */
public record Device(DeviceKind kind, int total, int forTeaching, int needsReplacement) {
}
