package kz.nobd.registry.service;

import kz.nobd.support.Caller;

/** Who made a change, as recorded in the version history. */
public record Editor(String name, String role) {
    public static Editor of(Caller caller) {
        return new Editor(caller.name(), caller.role());
    }
}
