package kz.nobd.ingest.domain;

import java.time.LocalDate;

import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.InstitutionStatus;
import kz.nobd.contracts.InstitutionType;

/** What ingest keeps of one version of a registry card. */
public record CardVersion(String bin, long version, InstitutionType type, InstitutionStatus status, String oblastKato,
        String districtKato, LocalDate validFrom, LocalDate openedOn, LocalDate closedOn, String successorBin) {

    public static CardVersion of(InstitutionCard card) {
        return new CardVersion(card.bin(), card.version(), card.type(), card.status(), card.oblastKato(),
                card.districtKato(), card.validFrom(), card.openedOn(), card.closedOn(), card.successorBin());
    }

    /** What makes a card unusable for the view (a required field missing), or null when it is usable. */
    public static String problemWith(InstitutionCard card) {
        if (card == null || !kz.nobd.contracts.Digits.exactly(card.bin(), 12) || card.version() < 1) {
            return "no 12-digit BIN or no version";
        }
        if (card.type() == null || card.status() == null || card.oblastKato() == null || card.validFrom() == null
                || card.openedOn() == null) {
            return "card " + card.bin() + " v" + card.version() + " lacks type, status, oblastKato, validFrom or openedOn";
        }
        return null;
    }

    public boolean isOpen() {
        return status == InstitutionStatus.OPEN;
    }

    /** Enrolment v1 covers general education only. */
    public boolean takesEnrolment() {
        return type == InstitutionType.SCHOOL || type == InstitutionType.SMALL_SCHOOL
                || type == InstitutionType.BOARDING;
    }
}
