package kz.nobd.ingest.service;

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

    /** Stores card versions not seen before (in the caller's transaction); returns the new ones. */
    public List<CardVersion> store(java.sql.Connection connection, List<CardVersion> cards) throws SQLException {
        List<CardVersion> fresh = cards.stream().filter(c -> !holds(c)).distinct().toList();
        try (PreparedStatement insert = connection.prepareStatement("insert into registry_card (bin, version, type,"
                + " status, oblast_kato, district_kato, valid_from, opened_on, closed_on, successor_bin)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
            for (CardVersion c : fresh) {
                insert.setString(1, c.bin());
                insert.setLong(2, c.version());
                insert.setString(3, c.type().name());
                insert.setString(4, c.status().name());
                insert.setString(5, c.oblastKato());
                insert.setString(6, c.districtKato());
                insert.setDate(7, Date.valueOf(c.validFrom()));
                insert.setDate(8, Date.valueOf(c.openedOn()));
                insert.setDate(9, c.closedOn() == null ? null : Date.valueOf(c.closedOn()));
                insert.setString(10, c.successorBin());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return fresh;
    }

    /** Makes stored versions visible to checks; called after the transaction that stored them committed. */
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

    public int size() {
        return byBin.size();
    }
}
