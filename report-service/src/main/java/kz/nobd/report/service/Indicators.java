package kz.nobd.report.service;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.nobd.contracts.Locality;
import kz.nobd.report.domain.EquipmentTally;
import kz.nobd.report.domain.Level;
import kz.nobd.report.domain.SchoolVersion;
import kz.nobd.report.signoff.ConfirmedColumns;
import kz.nobd.report.signoff.ConfirmedFigures;
import kz.nobd.support.FieldError;
import kz.nobd.support.NotFoundException;
import kz.nobd.support.ValidationException;

/** The indicator card of one unit (GET /indicators): country, oblast, district or school. */
@ApplicationScoped
public class Indicators {
    @Inject
    EquipmentRollups equipment;
    @Inject
    KatoNames names;
    @Inject
    SchoolDirectory directory;

    /**
     * The jurisdiction {@code q}'s card is computed and cached in: the caller's, except for a school user's card of
     * the district or oblast where the registry placed its school on the date, which it reads as a user of that
     * oblast does ({@link Jurisdiction#asOblastOf}). 403 at NATIONAL; for a school user at DISTRICT or OBLAST, the
     * 400 of a missing or wrong {@code kato} (as for everyone), then 404 for another school's {@code bin} or another
     * district or oblast.
     */
    public Jurisdiction scope(RollupQuery q, Jurisdiction j) {
        j.checkCardLevel(q.level());
        if (j.bin() == null || q.level() == Level.SCHOOL) {
            return j;
        }
        String kato = unitQuery(q, j).kato();
        j.checkSchool(q.bin());
        SchoolVersion own = directory.on(j.bin(), q.asOf());
        if (own == null || !kato.equals(q.level().unitOf(own))) {
            throw new NotFoundException("no " + q.level().name().toLowerCase(Locale.ROOT) + " " + kato
                    + " in your jurisdiction on " + q.asOf() + " (a school user reads the cards of the district and"
                    + " the oblast of its own school)");
        }
        return j.asOblastOf(own);
    }

    public IndicatorCard card(RollupQuery q, Jurisdiction j) {
        return card(q, j, null);
    }

    /** The card on {@code confirmed} figures (a period's signed returns), or today's when null. */
    public IndicatorCard card(RollupQuery q, Jurisdiction j, ConfirmedFigures.Confirmed confirmed) {
        j.checkLevel(q.level());
        RollupQuery unit = unitQuery(q, j);
        j.checkTerritory(unit.kato());
        j.checkSchool(unit.bin());
        Map<List<Object>, EquipmentRollups.Group> groups = equipment.tally(unit, j, confirmed,
                school -> List.of(school.locality().name()));
        EquipmentTally urban = tallyOf(groups, Locality.URBAN);
        EquipmentTally rural = tallyOf(groups, Locality.RURAL);
        EquipmentTally total = new EquipmentTally();
        groups.values().forEach(g -> g.tally().addInto(total));
        String nameKk;
        String nameRu;
        if (q.level() == Level.SCHOOL) {
            var school = directory.on(unit.bin(), q.asOf());
            if (school == null || !j.covers(school)) {
                throw new NotFoundException("no school " + unit.bin() + " in your jurisdiction on " + q.asOf());
            }
            nameKk = school.nameKk();
            nameRu = school.nameRu();
        } else {
            KatoNames.Name name = q.level() == Level.NATIONAL ? KatoNames.COUNTRY : names.of(unit.kato());
            nameKk = name.kk();
            nameRu = name.ru();
        }
        Map<String, Object> u = equipment.fields(urban, j);
        Map<String, Object> r = equipment.fields(rural, j);
        Map<String, Object> all = equipment.fields(total, j);
        if (confirmed != null) {
            ConfirmedColumns.put(all, confirmed, total.schools());
            ConfirmedColumns.put(u, confirmed, urban.schools());
            ConfirmedColumns.put(r, confirmed, rural.schools());
        }
        Map<String, Object> gap = new LinkedHashMap<>();
        for (String indicator : IndicatorCard.GAPS) {
            gap.put(indicator, u.get(indicator) == null || r.get(indicator) == null ? null
                    : ((BigDecimal) u.get(indicator)).subtract((BigDecimal) r.get(indicator)));
        }
        return new IndicatorCard(q.level().name(), unit.kato(), unit.bin(), nameKk, nameRu, q.asOf(),
                all, u, r, gap);
    }

    private static EquipmentTally tallyOf(Map<List<Object>, EquipmentRollups.Group> groups, Locality locality) {
        EquipmentRollups.Group g = groups.get(List.of(locality.name()));
        return g == null ? new EquipmentTally() : g.tally();
    }

    /** The unit as a filter: the kato (or bin) the level needs, checked against the KATO reference. */
    private RollupQuery unitQuery(RollupQuery q, Jurisdiction j) {
        String bin = q.bin();
        String kato = q.kato();
        switch (q.level()) {
            case NATIONAL -> {
                if (kato != null || bin != null) {
                    throw invalid("kato", "the NATIONAL card takes neither kato nor bin");
                }
            }
            case OBLAST -> {
                if (kato == null || !kato.endsWith("0000000")) {
                    throw invalid("kato", "an OBLAST card needs kato of an oblast (NN0000000)");
                }
            }
            case DISTRICT -> {
                KatoNames.Name name = kato == null ? null : names.of(kato);
                if (name == null || !(name.level().equals("district") || name.level().equals("sub_district"))) {
                    throw invalid("kato", "a DISTRICT card needs kato of a district or city district");
                }
            }
            case SCHOOL -> {
                bin = bin != null ? bin : j.bin();
                if (bin == null) {
                    throw invalid("bin", "a SCHOOL card needs bin");
                }
                kato = null;
            }
        }
        return new RollupQuery(q.level(), kato, bin, q.asOf(), List.of(), q.paging());
    }

    private static ValidationException invalid(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }
}
