package kz.nobd.deploychecks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kz.nobd.contracts.Topics;
import kz.nobd.deploychecks.model.Manifest;
import kz.nobd.deploychecks.rules.EnvRule;
import kz.nobd.deploychecks.rules.ExternalObjects;
import kz.nobd.deploychecks.rules.ImageRule;
import kz.nobd.deploychecks.rules.KafkaAclRule;
import kz.nobd.deploychecks.rules.NoDemoRule;
import kz.nobd.deploychecks.rules.ProductionRule;
import kz.nobd.deploychecks.rules.RealmRule;
import kz.nobd.deploychecks.rules.ReferenceRule;
import kz.nobd.deploychecks.rules.Rule;
import kz.nobd.deploychecks.rules.SchemaRule;
import kz.nobd.deploychecks.rules.TopicRule;
import kz.nobd.deploychecks.rules.WorkloadRule;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** The rules every overlay must pass, built from the repository's sources of truth, and the rendered overlays. */
public final class Checks {
    /** registry-service's default length of a school account's temporary password (RegistryConfig). */
    static final int TEMPORARY_PASSWORD_LENGTH = 16;
    private static final Map<String, Manifest> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

    private Checks() {
    }

    public static Manifest rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> Manifest.parse(Kustomize.render(o)));
    }

    public static List<Rule> common(ExternalObjects external) {
        return List.of(new SchemaRule(), topicRule(), aclRule(), envRule(), new ReferenceRule(external),
                new WorkloadRule(), new ImageRule());
    }

    public static List<Rule> forOverlay(String overlay) {
        List<Rule> rules = new ArrayList<>(common(ExternalObjects.of(overlay)));
        if (overlay.equals("prod")) {
            rules.add(new ProductionRule());
            rules.add(noDemoRule());
            rules.add(new RealmRule(demoRealm(), TEMPORARY_PASSWORD_LENGTH));
        } else {
            rules.add(new RealmRule(demoRealm(), null));
        }
        return rules;
    }

    static TopicRule topicRule() {
        Map<String, TopicRule.Declared> declared = Repo.columns("deploy/local/topics.txt").stream().collect(
                Collectors.toMap(c -> c[0], c -> new TopicRule.Declared(Integer.parseInt(c[1]), Long.parseLong(c[2]))));
        return new TopicRule(contractTopics(), declared);
    }

    static List<String> contractTopics() {
        return Arrays.stream(Topics.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(f -> {
                    try {
                        return (String) f.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    static KafkaAclRule aclRule() {
        return new KafkaAclRule(KafkaAclRule.fromColumns(Repo.columns("deploy/local/kafka-acls.txt")));
    }

    static EnvRule envRule() {
        return new EnvRule(ServiceConfig.MODULES.stream().map(ServiceConfig::of).toList());
    }

    static NoDemoRule noDemoRule() {
        RealmRepresentation demo = demoRealm();
        Set<String> secrets = new HashSet<>();
        demo.getClients().stream().filter(c -> c.getSecret() != null).forEach(c -> secrets.add(c.getSecret()));
        Set<String> roles = demo.getRoles().getRealm().stream().map(RoleRepresentation::getName).collect(Collectors.toSet());
        Set<String> users = demo.getUsers().stream().filter(u -> u.getServiceAccountClientId() == null)
                .map(UserRepresentation::getUsername).filter(u -> !roles.contains(u)).collect(Collectors.toSet());
        return new NoDemoRule(secrets, users);
    }

    public static RealmRepresentation demoRealm() {
        try {
            return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(Repo.path("deploy/keycloak/nobd-realm.json").toFile(), RealmRepresentation.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
