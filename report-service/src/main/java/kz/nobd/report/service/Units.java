package kz.nobd.report.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.nobd.report.domain.Dimension;
import kz.nobd.report.domain.Level;
import kz.nobd.report.domain.SchoolVersion;
import kz.nobd.support.NotFoundException;

/**
 * The units rows stand for: which schools a query covers on its date (placed where the registry had them, inside
 * the caller's jurisdiction and the query's filters), and the columns that name a unit in a row.
 */
@ApplicationScoped
public class Units {
    /** Orders rows by their group key: unit, then breakdown values. */
    public static final Comparator<List<Object>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int c = compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    @Inject
    SchoolDirectory directory;
    @Inject
    KatoNames names;

    /**
     * The schools of {@code query} on its as-of date, by BIN, with the version in force on that date; 404 when the
     * query names one school ({@code bin}) that is not among them.
     */
    public Map<String, SchoolVersion> placed(RollupQuery query, Jurisdiction jurisdiction) {
        Map<String, SchoolVersion> placed = new LinkedHashMap<>(); // in BIN order, as the counts are read
        LocalDate date = query.asOf();
        for (SchoolVersion v : candidates(query, jurisdiction)) {
            if (jurisdiction.covers(v) && (query.kato() == null || v.liesIn(query.kato()))
                    && (query.bin() == null || v.bin().equals(query.bin()))) {
                placed.put(v.bin(), v);
            }
        }
        if (query.bin() != null && placed.isEmpty()) {
            // a single school asked for and not there: the same answer whether it exists or is outside
            throw new NotFoundException("no school " + query.bin() + " in your jurisdiction"
                    + (query.kato() == null ? "" : " and territory " + query.kato()) + " on " + date);
        }
        return placed;
    }

    /**
     * The schools that may be placed for {@code query}, in BIN order: those of the one school, the territory or the
     * oblasts the query or the caller names (from the directory's index), else the country; {@link #placed} filters
     * them exactly.
     */
    private List<SchoolVersion> candidates(RollupQuery query, Jurisdiction jurisdiction) {
        LocalDate date = query.asOf();
        String bin = query.bin() != null ? query.bin() : jurisdiction.bin();
        if (bin != null) {
            SchoolVersion v = directory.on(bin, date);
            return v == null ? List.of() : List.of(v);
        }
        SchoolDirectory.Placement placement = directory.placement(date);
        if (query.kato() != null) {
            return placement.in(query.kato());
        }
        return jurisdiction.oblastPrefix() != null ? placement.inOblasts(jurisdiction.oblastPrefix()) : placement.all();
    }

    /** The schools placed on {@code date}, in BIN order and by unit. */
    public SchoolDirectory.Placement placement(LocalDate date) {
        return directory.placement(date);
    }

    /**
     * Whether the schools of {@code query} are whole groups of {@link DistrictSums} (one district, locality, type
     * and ownership): no single school asked for or calling, and a territory that is the oblast or the district of
     * every school that lies in it (not a rural district or a settlement inside one).
     */
    public boolean coversWholeGroups(RollupQuery query, Jurisdiction jurisdiction) {
        if (query.bin() != null || jurisdiction.bin() != null) {
            return false;
        }
        if (query.kato() == null) {
            return true;
        }
        for (SchoolVersion v : directory.placement(query.asOf()).in(query.kato())) {
            if (!query.kato().equals(v.oblastKato()) && !query.kato().equals(v.districtKato())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the group a school names (see {@link #coversWholeGroups}) is inside the caller's jurisdiction and the
     * query's territory: then all of its schools are, else none.
     */
    public static boolean holdsGroupOf(RollupQuery query, Jurisdiction jurisdiction, SchoolVersion sample) {
        return jurisdiction.covers(sample) && (query.kato() == null || sample.liesIn(query.kato()));
    }

    /** Whether the placement is narrower than the whole country (then counts are read for those BINs only). */
    public static boolean narrowed(RollupQuery query, Jurisdiction jurisdiction) {
        return query.kato() != null || query.bin() != null || jurisdiction.oblastPrefix() != null
                || jurisdiction.bin() != null;
    }

    /** The columns that name a unit of {@code level}. */
    public static List<String> columns(Level level) {
        return switch (level) {
            case NATIONAL, OBLAST -> List.of("kato", "nameKk", "nameRu");
            case DISTRICT -> List.of("kato", "oblastKato", "nameKk", "nameRu");
            case SCHOOL -> List.of("bin", "kato", "districtKato", "oblastKato", "nameKk", "nameRu");
        };
    }

    /** The unit columns of the unit {@code school} belongs to at {@code level}. */
    public void name(Level level, SchoolVersion school, Map<String, Object> row) {
        switch (level) {
            case NATIONAL -> named(row, null, KatoNames.COUNTRY);
            case OBLAST -> named(row, school.oblastKato(), names.of(school.oblastKato()));
            case DISTRICT -> {
                row.put("kato", school.districtKato());
                row.put("oblastKato", school.oblastKato());
                KatoNames.Name name = names.of(school.districtKato());
                row.put("nameKk", name == null ? null : name.kk());
                row.put("nameRu", name == null ? null : name.ru());
            }
            case SCHOOL -> {
                row.put("bin", school.bin());
                row.put("kato", school.kato());
                row.put("districtKato", school.districtKato());
                row.put("oblastKato", school.oblastKato());
                row.put("nameKk", school.nameKk());
                row.put("nameRu", school.nameRu());
            }
        }
    }

    /** The unit above {@code school}'s unit at {@code level}, whose total a coarser rollup shows. */
    public static Object parent(Level level, SchoolVersion school) {
        return switch (level) {
            case NATIONAL, OBLAST -> null;
            case DISTRICT -> school.oblastKato();
            case SCHOOL -> school.districtKato();
        };
    }

    /** A breakdown value of a school dimension. */
    public static Object schoolValue(Dimension d, SchoolVersion school) {
        return switch (d) {
            case LOCALITY -> school.locality().name();
            case TYPE -> school.type().name();
            case OWNERSHIP -> school.ownership().name();
            default -> throw new IllegalArgumentException(d + " is not a school dimension");
        };
    }

    /** A group key: the unit followed by {@code values}. */
    public static List<Object> key(Object unit, List<Object> values) {
        List<Object> key = new ArrayList<>(values.size() + 1);
        key.add(unit);
        key.addAll(values);
        return key;
    }

    private static void named(Map<String, Object> row, String kato, KatoNames.Name name) {
        row.put("kato", kato);
        row.put("nameKk", name == null ? null : name.kk());
        row.put("nameRu", name == null ? null : name.ru());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return ((Comparable) a).compareTo(b);
    }
}
