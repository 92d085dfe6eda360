package kz.nobd.support;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling and what they may see: ministry and report-consumer the whole country, an oblast user the
 * institutions whose KATO starts with the two digits of its {@code kato} claim, a school its own BIN only.
 */
@RequestScoped
public class Caller {
    public static final String MINISTRY = "ministry";
    public static final String OBLAST = "oblast";
    public static final String SCHOOL = "school";
    public static final String REPORT_CONSUMER = "report-consumer";

    @Inject
    SecurityIdentity identity;
    @Inject
    JsonWebToken token;

    /** The role that decides, strongest first, for callers that hold several. */
    public String role() {
        for (String role : new String[] {MINISTRY, OBLAST, SCHOOL, REPORT_CONSUMER}) {
            if (identity.hasRole(role)) {
                return role;
            }
        }
        throw new ForbiddenException("the token carries none of the roles ministry, oblast, school, report-consumer");
    }

    public String name() {
        String username = token.getClaim("preferred_username");
        return username != null ? username : token.getSubject();
    }

    public boolean isMinistry() {
        return role().equals(MINISTRY);
    }

    /** The first two KATO digits an oblast user may act on; a claim not of the form NN0000000 is refused. */
    public String oblastPrefix() {
        String kato = token.getClaim("kato");
        if (kato == null || !kato.matches("\\d{2}0000000")) {
            throw new ForbiddenException("an oblast user's token must carry a kato claim of the form NN0000000");
        }
        return kato.substring(0, 2);
    }

    public String orgBin() {
        String bin = token.getClaim("org_bin");
        if (bin == null || !bin.matches("\\d{12}")) {
            throw new ForbiddenException("a school user's token must carry a 12-digit org_bin claim");
        }
        return bin;
    }

    /** Whether the caller may see the institution {@code bin} of oblast {@code oblastKato} (else 404). */
    public boolean covers(String bin, String oblastKato) {
        return switch (role()) {
            case MINISTRY, REPORT_CONSUMER -> true;
            case OBLAST -> oblastKato.startsWith(oblastPrefix());
            case SCHOOL -> bin.equals(orgBin());
            default -> false;
        };
    }

    /** Whether the caller may register or edit institutions whose oblast is {@code oblastKato}. */
    public boolean canEditIn(String oblastKato) {
        return switch (role()) {
            case MINISTRY -> true;
            case OBLAST -> oblastKato.startsWith(oblastPrefix());
            default -> false;
        };
    }

    /** The restriction lists apply server-side: an oblast prefix, a single BIN, or nothing. */
    public Scope scope() {
        return switch (role()) {
            case OBLAST -> new Scope(Optional.of(oblastPrefix()), Optional.empty());
            case SCHOOL -> new Scope(Optional.empty(), Optional.of(orgBin()));
            default -> new Scope(Optional.empty(), Optional.empty());
        };
    }

    public record Scope(Optional<String> oblastPrefix, Optional<String> bin) {
    }
}
