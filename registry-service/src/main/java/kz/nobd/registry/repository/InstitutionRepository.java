package kz.nobd.registry.repository;

import static kz.nobd.support.SqlArrays.column;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import org.hibernate.Session;
import org.hibernate.StatelessSession;
import org.hibernate.jpa.HibernateHints;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import kz.nobd.contracts.InstitutionStatus;
import kz.nobd.contracts.InstitutionType;
import kz.nobd.contracts.Locality;
import kz.nobd.registry.domain.Institution;
import kz.nobd.registry.domain.LanguageListConverter;
import kz.nobd.support.CopyRows;

/**
 * Institution cards by BIN ({@link #findById}, with a lock mode where a change needs the row; {@link #lockAll} for
 * the rows of an import chunk, {@link #insertAll} for its new cards, {@link #updateAll} for its changed ones). The
 * list search is native SQL: its name filter is the expression the trigram index (V3) is built on.
 */
@ApplicationScoped
public class InstitutionRepository implements PanacheRepositoryBase<Institution, String> {
    @Inject
    StatelessSession stateless;

    /** A list query is ended by the database after this long (503): a runaway search must not hold a connection. */
    public static final int QUERY_TIMEOUT_MS = 10_000;
    static final String TIMEOUT_HINT = "jakarta.persistence.query.timeout";

    /**
     * What a list must match; a null component does not filter. {@code oblastKato} and {@code bin} are the
     * caller's jurisdiction, {@code katoPrefix} the leading digits of a territory, {@code binPrefix} the start of a
     * BIN, {@code nameContains} lower-case text within either name.
     */
    public record Match(String oblastKato, String bin, String katoPrefix, InstitutionType type,
            InstitutionStatus status, Locality locality, String binPrefix, String nameContains) {
    }

    /**
     * The card of {@code bin} as stored (null if none), read without a persistence context: no snapshot for dirty
     * checking and no load events (about 5 % of a GET's CPU in the service, docs/decisions.md).
     */
    public Institution read(String bin) {
        return stateless.get(Institution.class, bin);
    }

    /**
     * The stored cards of {@code bins} by BIN, each row locked for update until the transaction ends; one query,
     * locking in BIN order, so two writers of overlapping sets wait for each other instead of deadlocking. The cards
     * are read-only in the session (neither dirty-checked nor flushed): the caller writes the ones it changes with
     * {@link #updateAll}.
     */
    public Map<String, Institution> lockAll(Collection<String> bins) {
        Map<String, Institution> found = new HashMap<>();
        if (!bins.isEmpty()) {
            find("bin in ?1", Sort.by("bin"), bins).withLock(LockModeType.PESSIMISTIC_WRITE)
                    .withHint(HibernateHints.HINT_READ_ONLY, true).list()
                    .forEach(institution -> found.put(institution.bin, institution));
        }
        return found;
    }

    /**
     * Writes {@code cards} (stored cards, each once) as they are now, in the caller's transaction, with one statement:
     * every column but the BIN from arrays of the cards' values (an import chunk's thousand changed cards: one
     * statement instead of a thousand in JDBC batches).
     */
    public void updateAll(List<Institution> cards) {
        if (cards.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(c -> {
            try (PreparedStatement update = c.prepareStatement(UPDATE_ALL)) {
                update.setArray(1, column(c, "text", cards, card -> card.bin));
                int i = 1;
                for (CardColumn written : WRITTEN) {
                    update.setArray(++i, column(c, written.type(), cards, written.value()));
                }
                update.executeUpdate();
            }
        });
    }

    /**
     * A column {@link #updateAll} writes: its name, the type of the array its values travel in, the cast back to the
     * column's type, and the card's value. Dates and instants travel as ISO-8601 text, as in the cards' COPY.
     */
    private record CardColumn(String name, String type, String cast, Function<Institution, Object> value) {
        static CardColumn text(String name, Function<Institution, Object> value) {
            return new CardColumn(name, "text", "", value);
        }

        static CardColumn number(String name, String type, Function<Institution, Object> value) {
            return new CardColumn(name, type, "", value);
        }

        static CardColumn iso(String name, String cast, Function<Institution, Object> value) {
            return new CardColumn(name, "text", "::" + cast, card -> {
                Object temporal = value.apply(card);
                return temporal == null ? null : temporal.toString();
            });
        }
    }

    private static final LanguageListConverter LANGUAGES = new LanguageListConverter();
    /** Every column of a card but its BIN. */
    private static final List<CardColumn> WRITTEN = List.of(
            CardColumn.text("name_kk", card -> card.nameKk), CardColumn.text("name_ru", card -> card.nameRu),
            CardColumn.text("type", card -> name(card.type)),
            CardColumn.text("ownership", card -> name(card.ownership)),
            CardColumn.text("kato", card -> card.kato), CardColumn.text("oblast_kato", card -> card.oblastKato),
            CardColumn.text("district_kato", card -> card.districtKato),
            CardColumn.text("locality", card -> name(card.locality)),
            CardColumn.text("languages", card -> LANGUAGES.convertToDatabaseColumn(card.languages)),
            CardColumn.number("capacity", "int4", card -> card.capacity),
            CardColumn.number("shifts", "int4", card -> card.shifts == null ? null : card.shifts.intValue()),
            CardColumn.text("address", card -> card.address), CardColumn.text("phone", card -> card.phone),
            CardColumn.text("email", card -> card.email), CardColumn.text("status", card -> name(card.status)),
            CardColumn.iso("opened_on", "date", card -> card.openedOn),
            CardColumn.iso("closed_on", "date", card -> card.closedOn),
            CardColumn.text("successor_bin", card -> card.successorBin),
            CardColumn.text("closure_reason", card -> card.closureReason),
            CardColumn.number("version", "int8", card -> card.version),
            CardColumn.iso("valid_from", "date", card -> card.validFrom),
            CardColumn.iso("updated_at", "timestamptz", card -> card.updatedAt),
            CardColumn.text("updated_by", card -> card.updatedBy));
    private static final String UPDATE_ALL = "update institution i set "
            + WRITTEN.stream().map(c -> c.name() + " = u." + c.name() + c.cast()).collect(Collectors.joining(", "))
            + " from unnest(?::text[], " + WRITTEN.stream().map(c -> "?::" + c.type() + "[]")
                    .collect(Collectors.joining(", "))
            + ") as u(bin, " + WRITTEN.stream().map(CardColumn::name).collect(Collectors.joining(", "))
            + ") where i.bin = u.bin";

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /**
     * Inserts new cards in the caller's transaction with one {@code COPY} (an import chunk's thousand new cards: a
     * third of the server's time of multi-row inserts, and none of the session's work per entity). The cards stay
     * unmanaged: the session neither knows nor flushes them. The columns are those {@link Institution} maps.
     */
    public void insertAll(List<Institution> cards) {
        if (cards.isEmpty()) {
            return;
        }
        CopyRows rows = new CopyRows("institution (bin, name_kk, name_ru, type, ownership, kato, oblast_kato,"
                + " district_kato, locality, languages, capacity, shifts, address, phone, email, status, opened_on,"
                + " closed_on, successor_bin, closure_reason, version, valid_from, updated_at, updated_by)");
        LanguageListConverter languages = new LanguageListConverter();
        for (Institution card : cards) {
            rows.add(card.bin).add(card.nameKk).add(card.nameRu).add(card.type).add(card.ownership).add(card.kato)
                    .add(card.oblastKato).add(card.districtKato).add(card.locality)
                    .add(languages.convertToDatabaseColumn(card.languages)).add(card.capacity).add(card.shifts)
                    .add(card.address).add(card.phone).add(card.email).add(card.status).add(card.openedOn)
                    .add(card.closedOn).add(card.successorBin).add(card.closureReason).add(card.version)
                    .add(card.validFrom).add(card.updatedAt).add(card.updatedBy).endRow();
        }
        getEntityManager().unwrap(Session.class).doWork(rows::copyInto);
    }

    /**
     * How many cards the planner believes the table holds ({@code pg_class.reltuples}; 0 or less when the table was
     * last analyzed empty or never).
     */
    public double plannedCards() {
        return ((Number) getEntityManager().createNativeQuery(
                "select reltuples from pg_class where oid = 'institution'::regclass").getSingleResult()).doubleValue();
    }

    /**
     * Refreshes the planner's statistics of the cards (ANALYZE, a sample of at most 30,000 rows). Committed, it makes
     * every connection plan again the foreign-key checks of new history rows, which a plan made while the table was
     * empty runs as a scan of the whole table.
     */
    public void analyze() {
        getEntityManager().createNativeQuery("analyze institution").executeUpdate();
    }

    /** One page of the matching cards ordered by Russian name, then BIN. */
    @SuppressWarnings("unchecked")
    public List<Institution> search(Match match, int page, int size) {
        Where where = where(match);
        Query select = getEntityManager().createNativeQuery("select i.* from institution i" + where.sql
                + " order by i.name_ru, i.bin", Institution.class).setHint(TIMEOUT_HINT, QUERY_TIMEOUT_MS);
        where.params.forEach(select::setParameter);
        return select.setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    /** How many cards match. */
    public long countMatching(Match match) {
        Where where = where(match);
        Query count = getEntityManager().createNativeQuery("select count(*) from institution i" + where.sql, Long.class)
                .setHint(TIMEOUT_HINT, QUERY_TIMEOUT_MS);
        where.params.forEach(count::setParameter);
        return (Long) count.getSingleResult();
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(Match match) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (match.oblastKato() != null) {
            where.append(" and i.oblast_kato = :scopeOblast");
            params.put("scopeOblast", match.oblastKato());
        }
        if (match.bin() != null) {
            where.append(" and i.bin = :scopeBin");
            params.put("scopeBin", match.bin());
        }
        if (match.katoPrefix() != null) {
            where.append(" and i.kato like :katoPrefix");
            params.put("katoPrefix", match.katoPrefix() + "%");
        }
        if (match.type() != null) {
            where.append(" and i.type = :type");
            params.put("type", match.type().name());
        }
        if (match.status() != null) {
            where.append(" and i.status = :status");
            params.put("status", match.status().name());
        }
        if (match.locality() != null) {
            where.append(" and i.locality = :locality");
            params.put("locality", match.locality().name());
        }
        if (match.binPrefix() != null) {
            where.append(" and i.bin like :q");
            params.put("q", match.binPrefix() + "%");
        } else if (match.nameContains() != null) {
            where.append(" and lower(i.name_kk || ' ' || i.name_ru) like :q");
            String q = match.nameContains();
            params.put("q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return new Where(where.toString(), params);
    }
}
