package kz.nobd.support;

import java.time.Clock;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The OIDC bearer mechanism, with each token verified once: the first request that carries a token goes through
 * Quarkus OIDC (signature against the realm's keys, issuer, expiry, roles); the identity it gives is kept under the
 * exact token string and reused by later requests carrying the same token, until the token's {@code exp}. A client
 * that polls with one token no longer pays the signature check and the claims parsing on every request (about a
 * third of a cached report answer's cost). A token that fails verification is never kept, so it is refused each
 * time as before; an expired one is dropped and refused by OIDC. At most {@link #MAX_TOKENS} tokens are kept.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements HttpAuthenticationMechanism {
    static final int MAX_TOKENS = 10_000;
    private static final String BEARER = "Bearer ";

    private final TokenShelf<SecurityIdentity> verified = new TokenShelf<>(MAX_TOKENS);
    private final Clock clock = Clock.systemUTC();

    @Inject
    OidcAuthenticationMechanism oidc;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return oidc.authenticate(context, identityProviderManager);
        }
        String token = header.substring(BEARER.length()).trim();
        SecurityIdentity known = verified.get(token, clock.instant());
        if (known != null) {
            // the same identity, bound to this request
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder(known)
                    .addAttribute(RoutingContext.class.getName(), context).build());
        }
        return oidc.authenticate(context, identityProviderManager).invoke(identity -> remember(token, identity));
    }

    private void remember(String token, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || jwt.getExpirationTime() <= 0) {
            return;
        }
        verified.put(token, identity, java.time.Instant.ofEpochSecond(jwt.getExpirationTime()));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return oidc.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        return oidc.getPriority() + 1; // asked before the OIDC mechanism itself
    }
}
