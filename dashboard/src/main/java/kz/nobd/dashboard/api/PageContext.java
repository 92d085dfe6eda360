package kz.nobd.dashboard.api;

import java.util.List;
import java.util.Locale;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import kz.nobd.dashboard.service.Languages;
import kz.nobd.dashboard.service.Texts;
import kz.nobd.dashboard.service.Viewer;

/** The request's reader: who (from the tokens), which language (cookie, browser), which page (for the switch). */
@RequestScoped
public class PageContext {
    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    RoutingContext request;

    public Viewer viewer() {
        return Viewer.of(identity, idToken);
    }

    public String language() {
        Cookie cookie = request.request().getCookie(Languages.COOKIE);
        return Languages.choose(cookie == null ? null : cookie.getValue(), accepted());
    }

    public Texts texts() {
        return new Texts(language());
    }

    public Frame frame() {
        return new Frame(language(), viewer(), request.request().uri());
    }

    private List<Locale> accepted() {
        String header = request.request().getHeader("Accept-Language");
        try {
            return header == null ? List.of()
                    : Locale.LanguageRange.parse(header).stream().map(r -> Locale.forLanguageTag(r.getRange())).toList();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }
}
