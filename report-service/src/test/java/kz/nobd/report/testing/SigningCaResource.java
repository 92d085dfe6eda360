package kz.nobd.report.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import kz.nobd.testing.signing.SigningCa;

/**
 * Every {@code @QuarkusTest} of report-service (global: one app start is shared as before; a test profile's own
 * start gets it too) runs with the test JVM's {@link SigningCa} as the signature check's trust anchors and CRLs
 * ({@code nobd.signoff.*}). Tests issue, revoke and sign with {@code SigningCa.get()}: the same CA, whose CRL file
 * the service reads again when it changes.
 */
@WithTestResource(value = SigningCaResource.class, scope = TestResourceScope.GLOBAL)
public class SigningCaResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        SigningCa ca = SigningCa.get();
        return Map.of("nobd.signoff.trust-anchors", ca.trustAnchors().toString(), "nobd.signoff.crls", ca.crls());
    }

    @Override
    public void stop() {
        // the CA's files stay under target/ (the next test JVM makes a new CA)
    }
}
