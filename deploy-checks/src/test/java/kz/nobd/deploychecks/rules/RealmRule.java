package kz.nobd.deploychecks.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kz.nobd.deploychecks.model.KeycloakCr;
import kz.nobd.deploychecks.model.Manifest;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The overlay imports realm nobd into its Keycloak, kept in step with the demo realm file (the services depend on its
 * roles, clients, audience mappers and user profile): the same realm roles, clients, protocol mappers per client,
 * components and service accounts' roles; brute-force protection on; in production a password policy of at least 12
 * characters that registry-service's temporary passwords of school accounts meet.
 */
public final class RealmRule implements Rule {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private static final Pattern LENGTH = Pattern.compile("(?:^|\\s)length\\((\\d+)\\)");
    private final RealmRepresentation demo;
    private final Integer temporaryPasswordLength;

    /** @param temporaryPasswordLength null: no password policy is required (dev, whose demo users have password "demo") */
    public RealmRule(RealmRepresentation demo, Integer temporaryPasswordLength) {
        this.demo = demo;
        this.temporaryPasswordLength = temporaryPasswordLength;
    }

    @Override
    public List<String> check(Manifest manifest) {
        List<String> problems = new ArrayList<>();
        var imports = manifest.typed(KeycloakCr.RealmImport.class).stream()
                .filter(i -> demo.getRealm().equals(i.spec().realm().getRealm())).toList();
        if (imports.size() != 1) {
            return List.of("realm " + demo.getRealm() + ": " + imports.size() + " KeycloakRealmImports, needs 1");
        }
        RealmRepresentation realm = imports.get(0).spec().realm();
        boolean keycloakExists = manifest.typed(KeycloakCr.Keycloak.class).stream()
                .anyMatch(k -> k.metadata().getName().equals(imports.get(0).spec().keycloakCRName()));
        if (!keycloakExists) {
            problems.add("KeycloakRealmImport: no Keycloak " + imports.get(0).spec().keycloakCRName());
        }
        same("realm roles", json(realm.getRoles().getRealm()), json(demo.getRoles().getRealm()), problems);
        same("components", json(realm.getComponents()), json(demo.getComponents()), problems);
        same("clients", byId(realm.getClients(), c -> json(c.getProtocolMappers())),
                byId(demo.getClients(), c -> json(c.getProtocolMappers())), problems);
        same("service accounts", serviceAccounts(realm), serviceAccounts(demo), problems);
        if (!Boolean.TRUE.equals(realm.isBruteForceProtected())) {
            problems.add("realm " + realm.getRealm() + ": brute-force protection is off");
        }
        if (temporaryPasswordLength != null) {
            Matcher m = LENGTH.matcher(Objects.toString(realm.getPasswordPolicy(), ""));
            int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
            if (length < 12 || length > temporaryPasswordLength) {
                problems.add("realm " + realm.getRealm() + ": password policy " + realm.getPasswordPolicy()
                        + " must ask for length(12..." + temporaryPasswordLength + ")");
            }
        }
        return problems;
    }

    private static Map<String, String> byId(List<ClientRepresentation> clients, Function<ClientRepresentation, String> f) {
        return clients.stream().collect(Collectors.toMap(ClientRepresentation::getClientId, f, (a, b) -> a, java.util.TreeMap::new));
    }

    private static Map<String, String> serviceAccounts(RealmRepresentation realm) {
        return realm.getUsers().stream().filter(u -> u.getServiceAccountClientId() != null)
                .collect(Collectors.toMap(UserRepresentation::getServiceAccountClientId,
                        u -> json(u.getRealmRoles()) + json(u.getClientRoles()), (a, b) -> a, java.util.TreeMap::new));
    }

    private static void same(String what, Object actual, Object expected, List<String> problems) {
        if (actual instanceof Map<?, ?> a && expected instanceof Map<?, ?> e && !a.equals(e)) {
            java.util.Set<Object> differing = new java.util.TreeSet<>();
            a.forEach((k, v) -> { if (!Objects.equals(v, e.get(k))) differing.add(k); });
            e.keySet().stream().filter(k -> !a.containsKey(k)).forEach(differing::add);
            problems.add("realm " + what + " differ from deploy/keycloak/nobd-realm.json: " + differing);
        } else if (!Objects.equals(actual, expected)) {
            problems.add("realm " + what + " differ from deploy/keycloak/nobd-realm.json");
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
