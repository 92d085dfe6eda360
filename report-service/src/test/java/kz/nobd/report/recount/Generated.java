package kz.nobd.report.recount;

import static kz.nobd.report.recount.RecountTest.CLOSE;
import static kz.nobd.report.recount.RecountTest.DISTRICTS;
import static kz.nobd.report.recount.RecountTest.MOVE;
import static kz.nobd.report.recount.RecountTest.OBLAST_MOVE;
import static kz.nobd.report.recount.RecountTest.YEAR;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.InstitutionType;
import kz.nobd.contracts.Locality;
import kz.nobd.contracts.Ownership;
import kz.nobd.report.testing.Cards;
import kz.nobd.report.testing.FactProducer;
import kz.nobd.report.testing.FactProducer.Equipment;
import kz.nobd.report.testing.FactProducer.Spell;
import kz.nobd.report.testing.Reports;
import kz.nobd.report.testing.World;
import kz.nobd.testing.Ids;

/**
 * Generates the recount's data set and the order in which it is published: cards first, then every spell fact in
 * the order ingest would send them (a spell's later facts after its earlier ones), then the equipment reports with
 * an old report arriving after a newer one.
 */
final class Generated {
    private static final List<String> LANGUAGES = List.of("KK", "RU", "EN");
    private static final double[] SPEEDS = {0, 1.5, 2, 3.9, 4, 10, 50};

    private final Random random;
    private final World world = new World();
    /** The spell facts in publication order: (spell, change). */
    private final List<Object[]> spellFacts = new ArrayList<>();
    private final List<InstitutionCard> cards = new ArrayList<>();
    private final LocalDate today = Reports.today();

    Generated(Random random) {
        this.random = random;
        generate();
    }

    World world() {
        return world;
    }

    /** Produces the data set onto the topics (cards first, waiting until report-service holds them). */
    void publish() {
        cards.forEach(c -> FactProducer.send(kz.nobd.contracts.Topics.REGISTRY_INSTITUTIONS, c.bin(),
                kz.nobd.contracts.events.TopicCodec.REGISTRY_INSTITUTIONS.encodeToString(c)));
        cards.forEach(FactProducer::awaitCard);
        for (Object[] fact : spellFacts) {
            FactProducer.spell((Spell) fact[0], (String) fact[1]);
        }
        world.reports.forEach(FactProducer::equipment);
    }

    private void generate() {
        List<String> bins = new ArrayList<>();
        for (int d = 0; d < DISTRICTS.size(); d++) {
            for (int i = 0; i < 5; i++) {
                String bin = Ids.bin();
                Locality locality = (d % 2 == 0) == (i != 4) ? Locality.URBAN : Locality.RURAL;
                InstitutionType type = List.of(InstitutionType.SCHOOL, InstitutionType.SMALL_SCHOOL,
                        InstitutionType.BOARDING).get(random.nextInt(3));
                Ownership ownership = random.nextInt(4) == 0 ? Ownership.PRIVATE : Ownership.STATE;
                card(Cards.open(bin, DISTRICTS.get(d), type, ownership, locality));
                bins.add(bin);
            }
        }
        // a district move inside oblast 39, a move from oblast 47 to 59, a closure in oblast 59
        String movedDistrict = bins.get(5), movedOblast = bins.get(15), closed = bins.get(25);
        card(Cards.moved(last(movedDistrict), "391000000", MOVE));
        card(Cards.moved(last(movedOblast), "593200000", OBLAST_MOVE));
        card(Cards.closed(last(closed), CLOSE));
        for (String bin : bins) {
            spells(bin, bins);
        }
        // the closed school's open spells end on the closure date (ingest does that when the registry closes it)
        for (Spell s : new ArrayList<>(world.spells.values())) {
            if (s.schoolBin().equals(closed) && (s.validTo() == null || s.validTo().isAfter(CLOSE))) {
                if (!s.validFrom().isBefore(CLOSE)) {
                    fact(s.closedOn(s.validFrom()), "CORRECTED");
                } else {
                    fact(s.closedOn(CLOSE), "CLOSED");
                }
            }
        }
        for (String bin : bins) {
            reports(bin);
        }
    }

    private void spells(String bin, List<String> bins) {
        int n = 6 + random.nextInt(10);
        for (int i = 0; i < n; i++) {
            LocalDate from = random.nextInt(5) == 0 ? day(YEAR, today) : YEAR;
            Spell s = Spell.open(bin, random.nextInt(12), random.nextBoolean() ? "M" : "F",
                    LANGUAGES.get(random.nextInt(LANGUAGES.size())), from);
            fact(s, "OPENED");
            int fate = random.nextInt(10);
            if (fate == 0 && from.isBefore(today)) { // withdrawn
                fact(s.closedOn(day(from.plusDays(1), today.plusDays(1))), "CLOSED");
            } else if (fate == 1 && from.isBefore(today)) { // transferred to another school of the data set
                LocalDate on = day(from.plusDays(1), today.plusDays(1));
                fact(s.closedOn(on), "CLOSED");
                fact(Spell.open(bins.get(random.nextInt(bins.size())), s.grade(), s.sex(), s.language(), on), "OPENED");
            } else if (fate == 2 && from.isBefore(today)) { // closed, then the closure corrected away
                fact(s.closedOn(day(from.plusDays(1), today.plusDays(1))), "CLOSED");
                fact(s, "CORRECTED");
            } else if (fate == 3) { // entered by mistake: corrected to empty
                fact(s.closedOn(s.validFrom()), "CORRECTED");
            }
        }
    }

    private void reports(String bin) {
        int kind = random.nextInt(6);
        Instant received = Instant.now().minus(20, ChronoUnit.DAYS);
        switch (kind) {
            case 0 -> { // none
            }
            case 1 -> report(bin, LocalDate.of(2024, 6, 1), received); // older than a year on every date tested
            case 2 -> report(bin, LocalDate.of(2025, 6, 15), received); // current until 2026-06-15
            case 3 -> { // two reports of the same asOf: the later received wins
                report(bin, LocalDate.of(2025, 10, 1), received);
                report(bin, LocalDate.of(2025, 10, 1), received.plusSeconds(3600));
            }
            default -> { // a newer report, then an older one arriving late
                report(bin, LocalDate.of(2025, 9, 20), received);
                report(bin, LocalDate.of(2026, 4, 1), received.plusSeconds(60));
                report(bin, LocalDate.of(2025, 12, 1), received.plusSeconds(7200));
            }
        }
    }

    private void report(String bin, LocalDate asOf, Instant received) {
        List<Map<String, Object>> devices = new ArrayList<>();
        for (String kind : List.of("DESKTOP", "LAPTOP", "TABLET", "PROJECTOR")) {
            if (random.nextInt(4) > 0) {
                int total = random.nextInt(30);
                devices.add(FactProducer.device(kind, total, total == 0 ? 0 : random.nextInt(total + 1),
                        total == 0 ? 0 : random.nextInt(total + 1)));
            }
        }
        double mbps = SPEEDS[random.nextInt(SPEEDS.length)];
        world.reports.add(new Equipment(UUID.randomUUID(), bin, asOf, devices, mbps > 0, mbps, received));
    }

    private void card(InstitutionCard card) {
        cards.add(card);
        world.cards.computeIfAbsent(card.bin(), b -> new ArrayList<>()).add(card);
    }

    private InstitutionCard last(String bin) {
        List<InstitutionCard> versions = world.cards.get(bin);
        return versions.get(versions.size() - 1);
    }

    private void fact(Spell s, String change) {
        spellFacts.add(new Object[] {s, change});
        world.spells.put(s.spellId(), s);
    }

    /** A random day in [from, to). */
    private LocalDate day(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        return days <= 0 ? from : from.plusDays(random.nextLong(days));
    }
}
