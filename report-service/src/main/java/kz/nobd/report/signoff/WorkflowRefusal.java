package kz.nobd.report.signoff;

import java.util.List;

import kz.nobd.support.FieldError;
import kz.nobd.support.RefusedException;

/**
 * Why a workflow action was refused: the {@code reason} of its problem+json. Nothing is changed by a refused
 * action. The signature check has its own reasons ({@code SignatureRefusal}).
 */
public enum WorkflowRefusal {
    /** The period is LOCKED: nothing of it changes until the ministry reopens it. */
    PERIOD_LOCKED(409),
    /** Reopen of a period that is not LOCKED. */
    PERIOD_NOT_LOCKED(409),
    /** A period of the same kind and name exists. */
    PERIOD_EXISTS(409),
    /** Lock before the acceptance deadline has passed. */
    ACCEPTANCE_DEADLINE_NOT_PASSED(409),
    /** The return is not in a status the action starts from (accept a DRAFT, sign a SIGNED return, ...). */
    INVALID_TRANSITION(409),
    /** The signature names a digest that is not the digest of the return's figures now: read the return again. */
    CONTENT_CHANGED(409),
    /** report-consumer reads confirmed figures of locked periods only. */
    LIVE_FIGURES_REFUSED(403),
    /** basis=confirmed and no period fits: none named, and no period of the kind is locked (or accepted). */
    NO_CONFIRMED_PERIOD(404);

    private final int status;

    WorkflowRefusal(int status) {
        this.status = status;
    }

    public RefusedException refuse(String detail) {
        return refuse(detail, List.of());
    }

    /** The refusal, naming each item refused in {@code errors}. */
    public RefusedException refuse(String detail, List<FieldError> errors) {
        String title = switch (status) {
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            default -> "Conflict";
        };
        return new RefusedException(status, title, name(), detail, errors);
    }
}
