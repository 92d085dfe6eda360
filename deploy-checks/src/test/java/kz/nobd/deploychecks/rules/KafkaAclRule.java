package kz.nobd.deploychecks.rules;

import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTransactionalIdResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import kz.nobd.deploychecks.model.Manifest;

/**
 * One KafkaUser per user of deploy/local/kafka-acls.txt, logging in with SCRAM-SHA-512, with exactly that user's
 * ACLs (the same operations on the same resources with the same pattern), and no other KafkaUser.
 */
public final class KafkaAclRule implements Rule {
    private final Map<String, Set<String>> declared;

    /** @param declared per user, its ACLs as "OPERATION TYPE name PATTERN" lines (kafka-acls.txt's columns) */
    public KafkaAclRule(Map<String, Set<String>> declared) {
        this.declared = declared;
    }

    /** kafka-acls.txt's columns as the lines this rule compares. */
    public static Map<String, Set<String>> fromColumns(List<String[]> rows) {
        Map<String, Set<String>> acls = new TreeMap<>();
        for (String[] r : rows) {
            acls.computeIfAbsent(r[0], u -> new TreeSet<>())
                    .add(r[1] + " " + r[2] + " " + r[3] + " " + (r.length > 4 ? r[4] : "LITERAL"));
        }
        return acls;
    }

    @Override
    public List<String> check(Manifest manifest) {
        List<String> problems = new ArrayList<>();
        Set<String> users = new TreeSet<>();
        for (KafkaUser user : manifest.typed(KafkaUser.class)) {
            String name = user.getMetadata().getName();
            users.add(name);
            if (!declared.containsKey(name)) {
                problems.add("KafkaUser/" + name + ": not a user of deploy/local/kafka-acls.txt");
                continue;
            }
            if (!(user.getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication)) {
                problems.add("KafkaUser/" + name + ": must log in with scram-sha-512");
            }
            Set<String> acls = new TreeSet<>();
            if (user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple simple) {
                simple.getAcls().forEach(acl -> acls.addAll(lines(acl)));
            }
            if (!acls.equals(declared.get(name))) {
                Set<String> extra = new TreeSet<>(acls);
                extra.removeAll(declared.get(name));
                Set<String> missing = new TreeSet<>(declared.get(name));
                missing.removeAll(acls);
                problems.add("KafkaUser/" + name + ": ACLs differ from kafka-acls.txt; extra " + extra + ", missing " + missing);
            }
        }
        declared.keySet().stream().filter(u -> !users.contains(u))
                .forEach(u -> problems.add(u + ": no KafkaUser (a user of kafka-acls.txt)"));
        return problems;
    }

    private static List<String> lines(AclRule acl) {
        String resource;
        String name;
        String pattern;
        if (acl.getResource() instanceof AclRuleTopicResource t) {
            resource = "TOPIC";
            name = t.getName();
            pattern = t.getPatternType().toValue();
        } else if (acl.getResource() instanceof AclRuleGroupResource g) {
            resource = "GROUP";
            name = g.getName();
            pattern = g.getPatternType().toValue();
        } else if (acl.getResource() instanceof AclRuleTransactionalIdResource x) {
            resource = "TRANSACTIONAL_ID";
            name = x.getName();
            pattern = x.getPatternType().toValue();
        } else {
            resource = String.valueOf(acl.getResource());
            name = "";
            pattern = "";
        }
        String patternColumn = "prefix".equals(pattern) ? "PREFIXED" : "LITERAL";
        return acl.getOperations().stream()
                .map(op -> op.toValue().toUpperCase() + " " + resource + " " + name + " " + patternColumn).toList();
    }
}
