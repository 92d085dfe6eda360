package kz.nobd.deploychecks.rules;

import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kz.nobd.deploychecks.model.KeycloakCr;
import kz.nobd.deploychecks.model.Manifest;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Nothing of the demo in production: no Secret object at all (every secret comes from the platform's store or an
 * operator), no text "demo" or "dev-only", none of the demo realm's secrets or user names, a realm whose only users
 * are the clients' service accounts without credentials, confidential clients whose secret is a placeholder, and no
 * client that accepts passwords directly (password grant).
 */
public final class NoDemoRule implements Rule {
    private final Set<String> demoSecrets;
    private final Set<String> demoUsers;

    public NoDemoRule(Set<String> demoSecrets, Set<String> demoUsers) {
        this.demoSecrets = demoSecrets;
        this.demoUsers = demoUsers;
    }

    @Override
    public List<String> check(Manifest manifest) {
        List<String> problems = new ArrayList<>();
        manifest.typed(Secret.class).forEach(s -> problems.add("Secret/" + s.getMetadata().getName()
                + ": prod holds no Secret (external-objects.txt lists what the platform creates)"));
        for (Manifest.Item item : manifest.items()) {
            walk(item.raw(), item.toString(), problems);
        }
        for (KeycloakCr.RealmImport realmImport : manifest.typed(KeycloakCr.RealmImport.class)) {
            var realm = realmImport.spec().realm();
            for (UserRepresentation user : realm.getUsers() == null ? List.<UserRepresentation>of() : realm.getUsers()) {
                if (user.getServiceAccountClientId() == null || user.getCredentials() != null) {
                    problems.add("realm " + realm.getRealm() + ": user " + user.getUsername()
                            + " is not a client's service account without credentials");
                }
            }
            for (ClientRepresentation client : realm.getClients()) {
                if (client.getSecret() != null && !client.getSecret().matches("\\$\\{[A-Z0-9_]+}")) {
                    problems.add("realm client " + client.getClientId() + ": its secret is not a placeholder");
                }
                if (Boolean.TRUE.equals(client.isDirectAccessGrantsEnabled())) {
                    problems.add("realm client " + client.getClientId() + ": accepts the password grant");
                }
            }
        }
        return problems;
    }

    private void walk(Object value, String where, List<String> problems) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> {
                text(String.valueOf(key), where, problems);
                walk(element, where, problems);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(element -> walk(element, where, problems));
        } else if (value != null) {
            text(value.toString(), where, problems);
        }
    }

    private void text(String text, String where, List<String> problems) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("demo") || lower.contains("dev-only")) {
            problems.add(where + ": demo or dev-only text: " + abbreviate(text));
        } else if (demoSecrets.contains(text) || demoUsers.contains(text)) {
            problems.add(where + ": a secret or user of the demo realm: " + text);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
