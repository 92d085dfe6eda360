package kz.nobd.testing.signing;

import java.security.Provider;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The BouncyCastle provider, used by instance (never registered in the JVM's provider list). */
final class Bc {
    static final Provider PROVIDER = new BouncyCastleProvider();

    private Bc() {
    }
}
