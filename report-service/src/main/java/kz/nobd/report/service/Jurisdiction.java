package kz.nobd.report.service;

import kz.nobd.report.domain.Level;
import kz.nobd.report.domain.SchoolVersion;
import kz.nobd.support.Caller;
import kz.nobd.support.ForbiddenException;
import kz.nobd.support.NotFoundException;

/**
 * What a caller may read (docs/architecture.md, "Security model"): ministry the whole country; report-consumer the
 * whole country at NATIONAL, OBLAST and DISTRICT level, with small counts suppressed; an oblast user its oblast and
 * what is below it; a school user its own school at SCHOOL level, and the indicator cards of its own district and
 * oblast ({@link #checkCardLevel}, {@link #asOblastOf}). Rows outside are never produced.
 */
public record Jurisdiction(String role, String user, String oblastPrefix, String bin) {

    public static Jurisdiction of(Caller caller) {
        String role = caller.role();
        return new Jurisdiction(role, caller.name(), role.equals(Caller.OBLAST) ? caller.oblastPrefix() : null,
                role.equals(Caller.SCHOOL) ? caller.orgBin() : null);
    }

    /** Whether {@code school}, placed as on the as-of date, is inside. */
    public boolean covers(SchoolVersion school) {
        if (oblastPrefix != null) {
            return school.oblastKato().startsWith(oblastPrefix);
        }
        return bin == null || bin.equals(school.bin());
    }

    /** 403 for a level the role may never read. */
    public void checkLevel(Level level) {
        switch (role) {
            case Caller.REPORT_CONSUMER -> {
                if (level == Level.SCHOOL) {
                    throw new ForbiddenException("report-consumer reads NATIONAL, OBLAST and DISTRICT levels only");
                }
            }
            case Caller.OBLAST -> {
                if (level == Level.NATIONAL) {
                    throw new ForbiddenException("an oblast user reads its oblast and what is below it, not NATIONAL");
                }
            }
            case Caller.SCHOOL -> {
                if (level != Level.SCHOOL) {
                    throw new ForbiddenException("a school user reads its own school at level SCHOOL only");
                }
            }
            default -> {
            }
        }
    }

    /**
     * 403 for a level whose indicator card the role may never read: as {@link #checkLevel}, except that a school user
     * may also ask for DISTRICT and OBLAST cards (only its own school's district and oblast: Indicators#scope).
     */
    public void checkCardLevel(Level level) {
        if (!role.equals(Caller.SCHOOL)) {
            checkLevel(level);
        } else if (level == Level.NATIONAL) {
            throw new ForbiddenException("a school user reads the indicator cards of its own school, district and "
                    + "oblast, not NATIONAL");
        }
    }

    /**
     * The scope a school user's card of its own district or oblast is computed and cached in: that of an oblast
     * user of {@code school}'s oblast (exact counts, no suppression; docs/decisions.md). Only for a unit already
     * checked to be the school's own.
     */
    public Jurisdiction asOblastOf(SchoolVersion school) {
        return new Jurisdiction(Caller.OBLAST, user, school.oblastKato().substring(0, 2), null);
    }

    /** 404 for a territory filter that lies outside an oblast user's oblast. */
    public void checkTerritory(String kato) {
        if (kato != null && oblastPrefix != null && !kato.startsWith(oblastPrefix)) {
            throw new NotFoundException("no territory " + kato + " in your jurisdiction");
        }
    }

    /** 404 for a school filter naming another school than a school user's own. */
    public void checkSchool(String schoolBin) {
        if (schoolBin != null && bin != null && !bin.equals(schoolBin)) {
            throw new NotFoundException("no school " + schoolBin + " in your jurisdiction");
        }
    }

    /** Whether counts of 1..max are suppressed for this caller. */
    public boolean suppressesSmallCells() {
        return role.equals(Caller.REPORT_CONSUMER);
    }

    /** For the audit: "country", "oblast 11" or "school 210540000010". */
    public String describe() {
        return oblastPrefix != null ? "oblast " + oblastPrefix : bin != null ? "school " + bin : "country";
    }
}
