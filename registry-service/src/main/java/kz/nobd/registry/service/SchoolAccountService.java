package kz.nobd.registry.service;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.RoleMappingResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import kz.nobd.registry.config.RegistryConfig;
import kz.nobd.registry.domain.Institution;
import kz.nobd.support.ConflictException;
import kz.nobd.support.DependencyUnavailableException;
import kz.nobd.support.ForbiddenException;
import kz.nobd.support.Caller;

/**
 * Creates a school's Keycloak account through the admin client, which acts as a client that may manage users
 * only. The account gets the realm role {@code school} and nothing else, the attribute {@code org_bin}, and a
 * one-time password that must be changed at first login.
 */
@ApplicationScoped
public class SchoolAccountService {
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Keycloak keycloak;
    @Inject
    InstitutionService institutions;
    @Inject
    Caller caller;
    @Inject
    RegistryConfig config;

    public record Account(String username, String temporaryPassword) {
    }

    public Account create(String bin, String email) {
        Institution institution = institutions.visible(bin, LockModeType.NONE);
        if (!caller.canEditIn(institution.oblastKato)) {
            throw new ForbiddenException("only the ministry and the institution's oblast create school accounts");
        }
        if (!institution.isOpen()) {
            throw new ConflictException("institution " + bin + " is " + institution.status + "; accounts are created"
                    + " only for OPEN institutions");
        }
        String username = config.accounts().usernamePrefix() + bin;
        String password = temporaryPassword();
        RealmResource realm = keycloak.realm(config.accounts().realm());
        try {
            String userId = createUser(realm, user(institution, username, email, password));
            try {
                RoleRepresentation school = realm.roles().get(Caller.SCHOOL).toRepresentation();
                RoleMappingResource roles = realm.users().get(userId).roles();
                roles.realmLevel().add(List.of(school));
                // Keycloak gives every new user the realm's default composite (offline_access, account roles):
                // a school account holds the school role and nothing else
                List<RoleRepresentation> defaults = roles.realmLevel().listAll().stream()
                        .filter(r -> r.getName().startsWith("default-roles-")).toList();
                if (!defaults.isEmpty()) {
                    roles.realmLevel().remove(defaults);
                }
            } catch (RuntimeException e) {
                realm.users().delete(userId);
                throw e;
            }
        } catch (ProcessingException e) {
            throw new DependencyUnavailableException("Keycloak is unreachable; no account was created, retry later", e);
        }
        return new Account(username, password);
    }

    private static String createUser(RealmResource realm, UserRepresentation user) {
        try (Response response = realm.users().create(user)) {
            if (response.getStatus() == 409) {
                throw new ConflictException("an account named " + user.getUsername() + " (or with e-mail "
                        + user.getEmail() + ") already exists");
            }
            if (response.getStatus() != 201) {
                throw new WebApplicationException("Keycloak refused the account: HTTP " + response.getStatus(), 502);
            }
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    private static UserRepresentation user(Institution institution, String username, String email, String password) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(true);
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setEmailVerified(true);
        user.setEmail(email != null ? email : institution.email != null ? institution.email
                : username + "@schools.nobd.invalid");
        user.setFirstName(institution.nameRu.length() > 255 ? institution.nameRu.substring(0, 255) : institution.nameRu);
        user.setLastName("BIN " + institution.bin);
        user.setAttributes(Map.of("org_bin", List.of(institution.bin)));
        user.setCredentials(List.of(credential));
        user.setRequiredActions(List.of("UPDATE_PASSWORD"));
        return user;
    }

    private String temporaryPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < config.accounts().temporaryPasswordLength(); i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
