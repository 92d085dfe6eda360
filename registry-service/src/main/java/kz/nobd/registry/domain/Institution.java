package kz.nobd.registry.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.InstitutionStatus;
import kz.nobd.contracts.InstitutionType;
import kz.nobd.contracts.Language;
import kz.nobd.contracts.Locality;
import kz.nobd.contracts.Ownership;

/** The current version of an institution's card. Every change bumps {@link #version} and is recorded. */
@Entity
@Table(name = "institution")
public class Institution {
    @Id
    public String bin;
    @Column(name = "name_kk")
    public String nameKk;
    @Column(name = "name_ru")
    public String nameRu;
    @Enumerated(EnumType.STRING)
    public InstitutionType type;
    @Enumerated(EnumType.STRING)
    public Ownership ownership;
    public String kato;
    @Column(name = "oblast_kato")
    public String oblastKato;
    @Column(name = "district_kato")
    public String districtKato;
    @Enumerated(EnumType.STRING)
    public Locality locality;
    @Convert(converter = LanguageListConverter.class)
    public List<Language> languages;
    public Integer capacity;
    public Short shifts;
    public String address;
    public String phone;
    public String email;
    @Enumerated(EnumType.STRING)
    public InstitutionStatus status;
    @Column(name = "opened_on")
    public LocalDate openedOn;
    @Column(name = "closed_on")
    public LocalDate closedOn;
    @Column(name = "successor_bin")
    public String successorBin;
    @Column(name = "closure_reason")
    public String closureReason;
    public long version;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;

    /** Copies the editable fields; returns whether anything changed. */
    public boolean apply(InstitutionFields fields) {
        InstitutionCard before = toCard();
        nameKk = fields.nameKk();
        nameRu = fields.nameRu();
        type = fields.type();
        ownership = fields.ownership();
        kato = fields.territory().kato;
        oblastKato = fields.territory().oblastKato;
        districtKato = fields.territory().districtKato;
        locality = fields.locality();
        languages = fields.languages();
        capacity = fields.capacity();
        shifts = fields.shifts() == null ? null : fields.shifts().shortValue();
        address = fields.address();
        phone = fields.phone();
        email = fields.email();
        openedOn = fields.openedOn();
        return !before.equals(toCard());
    }

    public boolean isOpen() {
        return status == InstitutionStatus.OPEN;
    }

    public InstitutionCard toCard() {
        return new InstitutionCard(bin, nameKk, nameRu, type, ownership, kato, oblastKato, districtKato, locality,
                languages, capacity, shifts == null ? null : shifts.intValue(), address, phone, email, status,
                openedOn, closedOn, successorBin, closureReason, version, validFrom, updatedAt);
    }
}
