package kz.nobd.registry.service;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import kz.nobd.contracts.InstitutionCard;
import kz.nobd.registry.config.RegistryConfig;

/**
 * The cards this replica has read, by BIN: a GET by BIN (what other systems ask the registry most) then needs
 * neither a persistence context nor a round trip to PostgreSQL. Kept right by forgetting: the database announces
 * every committed change of cards (migration V7, channel {@code institution_changed}) and
 * {@link kz.nobd.registry.messaging.CardChangeListener} passes the BINs to {@link #forget}; this replica's own changes
 * are forgotten as their transaction completes, before the response that reports them. While no connection
 * listens (start-up, the database lost) nothing is served from memory or kept. A read that a change overtook is
 * not kept (a generation count, raised by every change before its cards are removed). At most
 * {@code nobd.registry.card-cache.max-cards} cards are kept; others are read each time.
 */
@ApplicationScoped
public class CardCache {
    private final ConcurrentHashMap<String, InstitutionCard> cards = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final int maxCards;
    private volatile boolean listening;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    public CardCache(RegistryConfig config) {
        this(config.cardCache().maxCards());
    }

    CardCache(int maxCards) {
        this.maxCards = maxCards;
    }

    /** The card of {@code bin}: kept, or read with {@code stored} (null: no such card) and kept. */
    public InstitutionCard get(String bin, Supplier<InstitutionCard> stored) {
        if (!listening) {
            return stored.get();
        }
        InstitutionCard card = cards.get(bin);
        if (card != null) {
            return card;
        }
        long before = generation.get();
        card = stored.get();
        if (card != null && cards.size() < maxCards) {
            cards.put(bin, card);
            if (generation.get() != before) {
                cards.remove(bin, card); // a change (or the loss of the listener) came while it was read
            }
        }
        return card;
    }

    /** The card of {@code bin} if it is kept (null if not, or while no connection listens). */
    public InstitutionCard kept(String bin) {
        return listening ? cards.get(bin) : null;
    }

    /** The cards of {@code bins} changed: read them again. */
    public void forget(Collection<String> bins) {
        generation.incrementAndGet();
        bins.forEach(cards::remove);
    }

    /** Forgets {@code bins} when the current transaction ends, committed or rolled back. */
    public void forgetAfterCompletion(Collection<String> bins) {
        List<String> changed = List.copyOf(bins);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                forget(changed);
            }
        });
    }

    /** A connection listens from now on; what was kept before it may have changed unannounced. */
    public void listening() {
        generation.incrementAndGet();
        cards.clear();
        listening = true;
    }

    /** No connection listens: a change would go unnoticed, so nothing is served from memory. */
    public void deaf() {
        listening = false;
        generation.incrementAndGet();
        cards.clear();
    }

    public boolean isListening() {
        return listening;
    }

    /** How many cards are kept. */
    public int size() {
        return cards.size();
    }
}
