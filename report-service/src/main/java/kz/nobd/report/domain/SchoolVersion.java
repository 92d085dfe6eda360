package kz.nobd.report.domain;

import java.time.LocalDate;

import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.InstitutionStatus;
import kz.nobd.contracts.InstitutionType;
import kz.nobd.contracts.Locality;
import kz.nobd.contracts.Ownership;

/** What report-service keeps of one version of an institution card: where it is and what it is, from when. */
public record SchoolVersion(
        String bin,
        long version,
        LocalDate validFrom,
        InstitutionStatus status,
        InstitutionType type,
        Ownership ownership,
        Locality locality,
        String kato,
        String oblastKato,
        String districtKato,
        String nameKk,
        String nameRu) {

    /** The card's version, or null (with the reason logged by the caller) when it lacks what reports need. */
    public static SchoolVersion of(InstitutionCard card) {
        if (problemWith(card) != null) {
            return null;
        }
        return new SchoolVersion(card.bin(), card.version(), card.validFrom(), card.status(), card.type(),
                card.ownership(), card.locality(), card.kato(), card.oblastKato(), card.districtKato(),
                card.nameKk() == null ? "" : card.nameKk(), card.nameRu() == null ? "" : card.nameRu());
    }

    /** Null, or what is missing from a card: reports need its BIN, validity, status, kind and territory. */
    public static String problemWith(InstitutionCard card) {
        if (card.bin() == null || !kz.nobd.contracts.Digits.exactly(card.bin(), 12)) {
            return "no 12-digit bin";
        }
        if (card.validFrom() == null || card.status() == null || card.type() == null || card.ownership() == null
                || card.locality() == null) {
            return "validFrom, status, type, ownership or locality missing";
        }
        for (String kato : new String[] {card.kato(), card.oblastKato(), card.districtKato()}) {
            if (!kz.nobd.contracts.Digits.exactly(kato, 9)) {
                return "kato, oblastKato or districtKato is not 9 digits";
            }
        }
        return null;
    }

    public boolean isOpen() {
        return status == InstitutionStatus.OPEN;
    }

    /** Whether this school lies in territory {@code kato}: its oblast, its district or its own settlement. */
    public boolean liesIn(String territory) {
        return territory.equals(oblastKato) || territory.equals(districtKato) || territory.equals(kato);
    }
}
