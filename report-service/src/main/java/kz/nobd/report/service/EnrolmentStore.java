package kz.nobd.report.service;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.nobd.contracts.Language;
import kz.nobd.report.domain.DeltaKey;
import kz.nobd.report.domain.Dimension;
import kz.nobd.report.domain.SpellDeltas;
import kz.nobd.report.domain.Spell;
import kz.nobd.contracts.events.Sex;

/**
 * Tables spell and enrolment_delta: applying a batch of spell facts (one transaction, the caller's), and counting
 * the students of any date as the sum of the deltas up to it.
 */
@ApplicationScoped
public class EnrolmentStore {
    private static final Comparator<DeltaKey> KEY_ORDER = Comparator.comparing(DeltaKey::schoolBin)
            .thenComparingInt(DeltaKey::grade).thenComparing(DeltaKey::sex).thenComparing(DeltaKey::language)
            .thenComparing(DeltaKey::day);

    @Inject
    DataSource dataSource;

    /** About how many delta rows each day has: to sum the fewer rows, before or after a date (an estimate). */
    private final NavigableMap<LocalDate, Long> rowsPerDay = new ConcurrentSkipListMap<>();

    /** Reads the rows per day (at start-up). */
    public void loadRowsPerDay(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT day, count(*) FROM enrolment_delta GROUP BY day");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rowsPerDay.put(rs.getDate(1).toLocalDate(), rs.getLong(2));
            }
        }
    }

    /** Counts the rows a committed batch may have added (an update of an existing row is counted too). */
    public void counted(Map<DeltaKey, Integer> deltas) {
        deltas.keySet().forEach(k -> rowsPerDay.merge(k.day(), 1L, Long::sum));
    }

    /** About how many rows the sum of the deltas of the days after {@code after} (all when null) up to {@code upTo} reads. */
    public long rowsBetween(LocalDate after, LocalDate upTo) {
        NavigableMap<LocalDate, Long> days = after == null ? rowsPerDay.headMap(upTo, true)
                : rowsPerDay.subMap(after, false, upTo, true);
        return days.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Applies {@code facts} in order (later facts of a spell replace earlier ones); returns the net deltas. */
    public Map<DeltaKey, Integer> apply(Connection c, List<Spell> facts) throws SQLException {
        Map<UUID, Spell> stored = load(c, facts.stream().map(Spell::spellId).distinct().toList());
        Map<UUID, Spell> state = new HashMap<>(stored);
        SpellDeltas deltas = new SpellDeltas();
        Map<UUID, Spell> changed = new LinkedHashMap<>();
        for (Spell fact : facts) {
            deltas.replace(state.get(fact.spellId()), fact);
            state.put(fact.spellId(), fact);
            changed.put(fact.spellId(), fact);
        }
        // this replica's only writer has just read them, in this transaction: new ones need no conflict check
        List<Spell> added = new ArrayList<>(), updated = new ArrayList<>();
        changed.values().forEach(s -> (stored.containsKey(s.spellId()) ? updated : added).add(s));
        writeSpells(c, added, INSERT_SPELLS);
        writeSpells(c, updated, UPDATE_SPELLS);
        Map<DeltaKey, Integer> net = deltas.nonZero();
        upsertDeltas(c, net);
        return net;
    }

    /**
     * The stored spells among {@code ids}. Ids above the greatest stored one cannot be stored and are not looked up:
     * ingest gives new spells time-ordered ids, so in a stream of new students most of a batch's ids are such.
     */
    private Map<UUID, Spell> load(Connection c, List<UUID> ids) throws SQLException {
        Map<UUID, Spell> found = new HashMap<>();
        UUID greatest = greatestStored(c);
        List<UUID> maybeStored = greatest == null ? List.of()
                : ids.stream().filter(id -> compareAsStored(id, greatest) <= 0).toList();
        if (maybeStored.isEmpty()) {
            return found;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT spell_id, school_bin, grade, sex, language, valid_from, "
                + "valid_to FROM spell WHERE spell_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("uuid", maybeStored.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date to = rs.getDate(7);
                    found.put(rs.getObject(1, UUID.class), new Spell(rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getInt(3), Sex.valueOf(rs.getString(4)), Language.valueOf(rs.getString(5)),
                            rs.getDate(6).toLocalDate(), to == null ? null : to.toLocalDate()));
                }
            }
        }
        return found;
    }

    private static UUID greatestStored(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT spell_id FROM spell ORDER BY spell_id DESC LIMIT 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getObject(1, UUID.class) : null; // PostgreSQL 15 has no max(uuid)
        }
    }

    /** PostgreSQL's order of uuid values (their 16 bytes unsigned), which {@link UUID#compareTo} does not follow. */
    static int compareAsStored(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private static final String SPELL_ROWS = "unnest(?::uuid[], ?::text[], ?::int2[], ?::text[], ?::text[], "
            + "?::date[], ?::date[])";
    private static final String INSERT_SPELLS = "INSERT INTO spell (spell_id, school_bin, grade, sex, language, "
            + "valid_from, valid_to) SELECT * FROM " + SPELL_ROWS;
    private static final String UPDATE_SPELLS = "UPDATE spell SET school_bin = n.school_bin, grade = n.grade, "
            + "sex = n.sex, language = n.language, valid_from = n.valid_from, valid_to = n.valid_to FROM " + SPELL_ROWS
            + " AS n (spell_id, school_bin, grade, sex, language, valid_from, valid_to) WHERE spell.spell_id = n.spell_id";

    private void writeSpells(Connection c, Collection<Spell> spells, String sql) throws SQLException {
        if (spells.isEmpty()) {
            return;
        }
        List<Object> ids = new ArrayList<>(), bins = new ArrayList<>(), grades = new ArrayList<>(),
                sexes = new ArrayList<>(), languages = new ArrayList<>(), from = new ArrayList<>(), to = new ArrayList<>();
        for (Spell s : spells) {
            ids.add(s.spellId());
            bins.add(s.schoolBin());
            grades.add((short) s.grade());
            sexes.add(s.sex().name());
            languages.add(s.language().name());
            from.add(Date.valueOf(s.validFrom()));
            to.add(s.validTo() == null ? null : Date.valueOf(s.validTo()));
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, 1, "uuid", ids);
            bind(c, ps, 2, "text", bins);
            bind(c, ps, 3, "int2", grades);
            bind(c, ps, 4, "text", sexes);
            bind(c, ps, 5, "text", languages);
            bind(c, ps, 6, "date", from);
            bind(c, ps, 7, "date", to);
            ps.executeUpdate();
        }
    }

    private void upsertDeltas(Connection c, Map<DeltaKey, Integer> net) throws SQLException {
        if (net.isEmpty()) {
            return;
        }
        List<DeltaKey> keys = new ArrayList<>(net.keySet());
        keys.sort(KEY_ORDER); // the same lock order in every transaction
        List<Object> bins = new ArrayList<>(), grades = new ArrayList<>(), sexes = new ArrayList<>(),
                languages = new ArrayList<>(), days = new ArrayList<>(), deltas = new ArrayList<>();
        for (DeltaKey k : keys) {
            bins.add(k.schoolBin());
            grades.add((short) k.grade());
            sexes.add(k.sex().name());
            languages.add(k.language().name());
            days.add(Date.valueOf(k.day()));
            deltas.add(net.get(k));
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO enrolment_delta (school_bin, grade, sex, language, "
                + "day, delta) SELECT * FROM unnest(?::text[], ?::int2[], ?::text[], ?::text[], ?::date[], ?::int4[]) "
                + "ON CONFLICT (school_bin, grade, sex, language, day) "
                + "DO UPDATE SET delta = enrolment_delta.delta + excluded.delta")) {
            bind(c, ps, 1, "text", bins);
            bind(c, ps, 2, "int2", grades);
            bind(c, ps, 3, "text", sexes);
            bind(c, ps, 4, "text", languages);
            bind(c, ps, 5, "date", days);
            bind(c, ps, 6, "int4", deltas);
            ps.executeUpdate();
        }
    }

    private static void bind(Connection c, PreparedStatement ps, int index, String type, List<Object> values)
            throws SQLException {
        Array array = c.createArrayOf(type, values.toArray());
        ps.setArray(index, array);
    }

    /**
     * Students on {@code date} per school (of {@code bins}, or all when null), broken down by the spell
     * dimensions among {@code dims}: the sum of the deltas up to that day.
     */
    public void countOn(LocalDate date, Set<Dimension> dims, Collection<String> bins, CountVisitor visitor)
            throws SQLException {
        sum(null, date, dims, bins, visitor);
    }

    /** The sums of the deltas of the days after {@code after} (all when null) up to {@code upTo}, in no order. */
    public void sum(LocalDate after, LocalDate upTo, Set<Dimension> dims, Collection<String> bins, CountVisitor visitor)
            throws SQLException {
        sum(after, upTo, dims, bins, false, null, visitor);
    }

    /**
     * Like {@link #sum(LocalDate, LocalDate, Set, Collection, CountVisitor)}, the rows of a school together and the
     * schools in BIN order (as Java orders the strings), each statement ended by the server after {@code timeout}.
     */
    public void sumInBinOrder(LocalDate after, LocalDate upTo, Set<Dimension> dims, Collection<String> bins,
            java.time.Duration timeout, CountVisitor visitor) throws SQLException {
        sum(after, upTo, dims, bins, true, timeout, visitor);
    }

    /**
     * The rows are read through a cursor (a transaction, {@value #FETCH} rows at a time): never the whole result in
     * memory, however many schools and cells it has.
     */
    private void sum(LocalDate after, LocalDate upTo, Set<Dimension> dims, Collection<String> bins, boolean binOrder,
            java.time.Duration timeout, CountVisitor visitor) throws SQLException {
        boolean grade = dims.contains(Dimension.GRADE), sex = dims.contains(Dimension.SEX),
                language = dims.contains(Dimension.LANGUAGE);
        String group = "school_bin" + (grade ? ", grade" : "") + (sex ? ", sex" : "") + (language ? ", language" : "");
        String sql = "SELECT school_bin, " + (grade ? "grade" : "-1") + ", " + (sex ? "sex" : "''") + ", "
                + (language ? "language" : "''") + ", sum(delta) FROM enrolment_delta WHERE day <= ?"
                + (after == null ? "" : " AND day > ?") + (bins == null ? "" : " AND school_bin = ANY(?)")
                + " GROUP BY " + group + " HAVING sum(delta) <> 0"
                + (binOrder ? " ORDER BY school_bin COLLATE \"C\"" : "");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // pgjdbc reads through a cursor only inside a transaction
            try {
                if (timeout != null) {
                    try (var set = c.createStatement()) {
                        set.execute("SET LOCAL statement_timeout = " + Math.max(1, timeout.toMillis()));
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int p = 1;
                    ps.setDate(p++, Date.valueOf(upTo));
                    if (after != null) {
                        ps.setDate(p++, Date.valueOf(after));
                    }
                    if (bins != null) {
                        ps.setArray(p, c.createArrayOf("text", bins.toArray()));
                    }
                    ps.setFetchSize(FETCH);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String s = rs.getString(3), l = rs.getString(4);
                            visitor.count(rs.getString(1), rs.getInt(2),
                                    s.isEmpty() ? -1 : Sex.valueOf(s).ordinal(),
                                    l.isEmpty() ? -1 : Language.valueOf(l).ordinal(), rs.getLong(5));
                        }
                    }
                }
            } finally {
                c.rollback(); // read only: nothing to keep
                c.setAutoCommit(true);
            }
        }
    }

    private static final int FETCH = 10_000;
}
