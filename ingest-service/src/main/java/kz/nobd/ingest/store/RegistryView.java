package kz.nobd.ingest.store;

import static kz.nobd.support.SqlArrays.column;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.nobd.contracts.InstitutionStatus;
import kz.nobd.contracts.InstitutionType;
import kz.nobd.ingest.domain.CardVersion;

/**
 * The registry as ingest knows it: every card version from {@code registry.institutions.v1}, in the database
 * (so it survives restarts) and in memory (so a batch of events is checked without a query per event).
 */
@ApplicationScoped
public class RegistryView {
    @Inject
    DataSource dataSource;

    private final Map<String, NavigableMap<LocalDate, CardVersion>> byBin = new ConcurrentHashMap<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private volatile boolean caughtUp;

    /** Loads what earlier runs stored. */
    public void load() throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select bin, version, type, status, oblast_kato, district_kato,"
                     + " valid_from, opened_on, closed_on, successor_bin from registry_card order by bin, version")) {
            while (rs.next()) {
                remember(new CardVersion(rs.getString(1), rs.getLong(2), InstitutionType.valueOf(rs.getString(3)),
                        InstitutionStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                        rs.getDate(7).toLocalDate(), rs.getDate(8).toLocalDate(),
                        rs.getDate(9) == null ? null : rs.getDate(9).toLocalDate(), rs.getString(10)));
            }
        }
    }

    /**
     * Stores the card versions this instance has not seen (in the caller's transaction); returns those this call
     * inserted. Another instance reading the same topic may have stored some of them first: those are not returned
     * (so that only one instance reacts to a closure), yet they are in the table once this transaction commits.
     */
    public List<CardVersion> store(java.sql.Connection connection, List<CardVersion> cards) throws SQLException {
        List<CardVersion> unseen = cards.stream().filter(c -> !holds(c)).distinct().toList();
        if (unseen.isEmpty()) {
            return List.of();
        }
        Map<String, CardVersion> byKey = new java.util.LinkedHashMap<>();
        unseen.forEach(c -> byKey.put(c.bin() + ":" + c.version(), c));
        List<CardVersion> inserted = new java.util.ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("insert into registry_card (bin, version, type,"
                + " status, oblast_kato, district_kato, valid_from, opened_on, closed_on, successor_bin)"
                + " select * from unnest(?::text[], ?::int8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::date[],"
                + " ?::date[], ?::date[], ?::text[]) on conflict do nothing returning bin, version")) {
            insert.setArray(1, column(connection, "text", unseen, CardVersion::bin));
            insert.setArray(2, column(connection, "int8", unseen, CardVersion::version));
            insert.setArray(3, column(connection, "text", unseen, c -> c.type().name()));
            insert.setArray(4, column(connection, "text", unseen, c -> c.status().name()));
            insert.setArray(5, column(connection, "text", unseen, CardVersion::oblastKato));
            insert.setArray(6, column(connection, "text", unseen, CardVersion::districtKato));
            insert.setArray(7, column(connection, "date", unseen, c -> Date.valueOf(c.validFrom())));
            insert.setArray(8, column(connection, "date", unseen, c -> Date.valueOf(c.openedOn())));
            insert.setArray(9, column(connection, "date", unseen,
                    c -> c.closedOn() == null ? null : Date.valueOf(c.closedOn())));
            insert.setArray(10, column(connection, "text", unseen, CardVersion::successorBin));
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    inserted.add(byKey.get(rs.getString(1) + ":" + rs.getLong(2)));
                }
            }
        }
        return inserted;
    }

    /**
     * Makes a stored version visible to checks; called after the transaction that stored it committed (a version
     * already held is kept as it is).
     */
    public void remember(CardVersion card) {
        byBin.computeIfAbsent(card.bin(), b -> new ConcurrentSkipListMap<>())
                .merge(card.validFrom(), card, (a, b) -> a.version() >= b.version() ? a : b);
        seen.add(card.bin() + ":" + card.version());
    }

    public boolean knows(String bin) {
        return byBin.containsKey(bin);
    }

    /** The version in force on {@code date}, if the institution existed then. */
    public Optional<CardVersion> on(String bin, LocalDate date) {
        NavigableMap<LocalDate, CardVersion> versions = byBin.get(bin);
        if (versions == null) {
            return Optional.empty();
        }
        Map.Entry<LocalDate, CardVersion> entry = versions.floorEntry(date);
        return entry == null ? Optional.empty() : Optional.of(entry.getValue());
    }

    /** The newest version of a card. */
    public Optional<CardVersion> latest(String bin) {
        NavigableMap<LocalDate, CardVersion> versions = byBin.get(bin);
        if (versions == null) {
            return Optional.empty();
        }
        return versions.values().stream().max(java.util.Comparator.comparingLong(CardVersion::version));
    }

    private boolean holds(CardVersion card) {
        return seen.contains(card.bin() + ":" + card.version());
    }

    /** Whether the view has read the registry topic up to where it ended when the service started. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Called by the view's consumer once it has caught up. */
    public void markCaughtUp() {
        caughtUp = true;
    }

    public int size() {
        return byBin.size();
    }
}
