package kz.nobd.deploychecks.model;

/** An object its typed class could not read (an unknown field, a wrong type or value): {@code SchemaRule} reports it. */
public record Unreadable(String type, String problem) {
}
