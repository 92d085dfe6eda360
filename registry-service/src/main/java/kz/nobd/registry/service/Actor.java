package kz.nobd.registry.service;

import kz.nobd.support.Caller;

/**
 * Who runs an import, taken from the request when the file arrives, so that the job, which runs after the request
 * has ended, applies that caller's rights: the ministry any oblast, an oblast user its own ({@code oblastPrefix}).
 */
public record Actor(Editor editor, String oblastPrefix) {

    public static Actor of(Caller caller) {
        return new Actor(Editor.of(caller), caller.role().equals(Caller.OBLAST) ? caller.oblastPrefix() : null);
    }

    public boolean isMinistry() {
        return editor.role().equals(Caller.MINISTRY);
    }

    /** Whether this actor may register or edit institutions of oblast {@code oblastKato}. */
    public boolean canEditIn(String oblastKato) {
        return isMinistry() || oblastPrefix != null && oblastKato.startsWith(oblastPrefix);
    }
}
