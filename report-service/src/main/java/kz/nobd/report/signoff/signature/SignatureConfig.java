package kz.nobd.report.signoff.signature;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Where the signature check finds whom to trust (prefix {@code nobd.signoff}; docs/configuration.md). */
@ConfigMapping(prefix = "nobd.signoff")
public interface SignatureConfig {

    /**
     * A PEM file, or a directory of PEM/DER files ({@code *.pem}, {@code *.crt}, {@code *.cer}), with the
     * certificates of the certification authorities whose certificates may sign returns (NCA's root and issuing
     * CAs, RSA and GOST). Read at start-up: the service does not start if it is missing or holds no certificate.
     */
    Path trustAnchors();

    /**
     * CRL files (PEM or DER), one or more per CA; each is read again when its modification time or size changes,
     * so a CRL replaced on disk takes effect without a restart. Empty: no revocation check.
     */
    Optional<List<Path>> crls();
}
