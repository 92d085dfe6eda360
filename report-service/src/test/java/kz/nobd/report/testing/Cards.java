package kz.nobd.report.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.InstitutionStatus;
import kz.nobd.contracts.InstitutionType;
import kz.nobd.contracts.Language;
import kz.nobd.contracts.Locality;
import kz.nobd.contracts.Ownership;

/** Institution cards as registry-service publishes them. */
public final class Cards {
    public static final LocalDate OPENED = LocalDate.of(2000, 9, 1);

    private Cards() {
    }

    /** Version 1 of an OPEN institution in {@code district} at settlement {@code kato}. */
    public static InstitutionCard open(String bin, String district, InstitutionType type, Ownership ownership,
            Locality locality) {
        return new InstitutionCard(bin, "№" + bin.substring(8) + " мектеп", "Школа №" + bin.substring(8), type,
                ownership, district, district.substring(0, 2) + "0000000", district, locality,
                List.of(Language.KK, Language.RU), 600, 2, null, null, null, InstitutionStatus.OPEN, OPENED, null, null,
                null, 1, OPENED, Instant.now());
    }

    public static InstitutionCard school(String bin, String district) {
        return open(bin, district, InstitutionType.SCHOOL, Ownership.STATE, Locality.RURAL);
    }

    /** The next version, moved to {@code district} (same or another oblast) from {@code from}. */
    public static InstitutionCard moved(InstitutionCard c, String district, LocalDate from) {
        return new InstitutionCard(c.bin(), c.nameKk(), c.nameRu(), c.type(), c.ownership(), district,
                district.substring(0, 2) + "0000000", district, c.locality(), c.languages(), c.capacity(), c.shifts(),
                null, null, null, c.status(), c.openedOn(), c.closedOn(), c.successorBin(), c.closureReason(),
                c.version() + 1, from, Instant.now());
    }

    /** The next version: CLOSED on {@code closedOn}. */
    public static InstitutionCard closed(InstitutionCard c, LocalDate closedOn) {
        return new InstitutionCard(c.bin(), c.nameKk(), c.nameRu(), c.type(), c.ownership(), c.kato(), c.oblastKato(),
                c.districtKato(), c.locality(), c.languages(), c.capacity(), c.shifts(), null, null, null,
                InstitutionStatus.CLOSED, c.openedOn(), closedOn, null, "no pupils left", c.version() + 1, closedOn,
                Instant.now());
    }
}
