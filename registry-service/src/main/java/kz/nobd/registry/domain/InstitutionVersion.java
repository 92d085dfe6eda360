package kz.nobd.registry.domain;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One recorded version of a card: the full card as JSON, who changed it, when, and from when it is valid. */
@Entity
@Table(name = "institution_version")
@IdClass(InstitutionVersion.Key.class)
public class InstitutionVersion {
    @Id
    public String bin;
    @Id
    public long version;
    @Enumerated(EnumType.STRING)
    @Column(name = "change_kind")
    public ChangeKind changeKind;
    @JdbcTypeCode(SqlTypes.JSON)
    public String card;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_by_role")
    public String changedByRole;
    @Column(name = "changed_at")
    public Instant changedAt;
    /** The version's place in commit order (the change feed's cursor); drawn by the database on insert. */
    @Column(name = "change_seq", insertable = false, updatable = false)
    public Long changeSeq;

    public record Key(String bin, long version) implements Serializable {
    }
}
