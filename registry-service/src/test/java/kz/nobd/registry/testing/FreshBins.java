package kz.nobd.registry.testing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import kz.nobd.testing.Ids;

/** Synthetic BINs for tests that create many institutions at once. */
public final class FreshBins {
    private FreshBins() {
    }

    /** {@code n} distinct synthetic BINs that no institution in the test database holds yet. */
    public static List<String> of(EntityManager em, int n) {
        Set<String> bins = new LinkedHashSet<>();
        while (bins.size() < n) {
            while (bins.size() < n) {
                bins.add(Ids.bin());
            }
            bins.removeAll(QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                    "select i.bin from Institution i where i.bin in :bins", String.class)
                    .setParameter("bins", bins).getResultList()));
        }
        return List.copyOf(bins);
    }
}
