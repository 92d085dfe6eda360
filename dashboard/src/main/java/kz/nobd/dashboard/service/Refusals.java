package kz.nobd.dashboard.service;

import jakarta.ws.rs.WebApplicationException;

/** How an API said no. */
public final class Refusals {
    private Refusals() {
    }

    /** 403 or 404: the user may not read it (a part of a page is left out, the rest is shown) */
    public static boolean isRefusal(Throwable failure) {
        return failure instanceof WebApplicationException e
                && (e.getResponse().getStatus() == 403 || e.getResponse().getStatus() == 404);
    }
}
