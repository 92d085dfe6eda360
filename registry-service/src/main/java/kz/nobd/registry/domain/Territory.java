package kz.nobd.registry.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import kz.nobd.contracts.Locality;

/** One unit of the KATO classifier, with its parent and the oblast and district it belongs to. Read-only. */
@Entity
@Table(name = "territory")
public class Territory {
    @Id
    public String kato;
    @Enumerated(EnumType.STRING)
    public TerritoryLevel level;
    @Column(name = "type_code")
    public short typeCode;
    @Column(name = "name_kk")
    public String nameKk;
    @Column(name = "name_ru")
    public String nameRu;
    @Column(name = "parent_kato")
    public String parentKato;
    @Column(name = "oblast_kato")
    public String oblastKato;
    @Column(name = "district_kato")
    public String districtKato;
    @Column(name = "kato_version")
    public String katoVersion;

    /** The KATO type code 1 is urban, 2 rural; 3 and 4 are mixed administrative cases with no default. */
    public Locality defaultLocality() {
        return switch (typeCode) {
            case 1 -> Locality.URBAN;
            case 2 -> Locality.RURAL;
            default -> null;
        };
    }

    /** How many leading digits the units below this one share with it. */
    public int prefixLength() {
        return level.prefixLength();
    }
}
