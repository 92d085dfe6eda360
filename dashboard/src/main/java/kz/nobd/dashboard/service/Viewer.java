package kz.nobd.dashboard.service;

import java.util.Optional;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is looking: the role and the scope claims of the user's token (kato of an oblast user, org_bin of a school
 * user). Used for navigation only (where the first page is, which links to offer); what may be seen is decided
 * by the APIs, called with the same token.
 */
public record Viewer(String name, String role, String kato, String bin) {
    public static final String MINISTRY = "ministry";
    public static final String OBLAST = "oblast";
    public static final String SCHOOL = "school";

    public static Viewer of(SecurityIdentity identity, JsonWebToken idToken) {
        String role = identity.hasRole(MINISTRY) ? MINISTRY
                : identity.hasRole(OBLAST) ? OBLAST : identity.hasRole(SCHOOL) ? SCHOOL : null;
        return new Viewer(Optional.ofNullable(idToken.<String>getClaim("preferred_username")).orElse(""), role,
                idToken.getClaim("kato"), idToken.getClaim("org_bin"));
    }

    /** the key of the role's name in the message bundle */
    public String roleKey() {
        return "role_" + role;
    }

    public boolean isMinistry() {
        return MINISTRY.equals(role);
    }

    public boolean isSchool() {
        return SCHOOL.equals(role);
    }

    /** the page a user starts at; empty for a role without a dashboard (report-consumer, none) */
    public Optional<String> home() {
        if (role == null) {
            return Optional.empty();
        }
        return switch (role) {
            case MINISTRY -> Optional.of("/country");
            case OBLAST -> Optional.ofNullable(kato).map(k -> "/oblast/" + k);
            default -> Optional.ofNullable(bin).map(b -> "/school/" + b);
        };
    }
}
