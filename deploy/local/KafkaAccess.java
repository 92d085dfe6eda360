import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Makes the broker's users and ACLs those of a declarative file, as the super user: a SCRAM-SHA-512 login for every
 * user the file names (password from the user's client properties file), the ACLs of the file; ACLs and logins
 * not in the file are deleted (admin's login stays). Run with the broker's jars on the class path:
 *   java -cp '.cache/dist/kafka-<v>/libs/*' deploy/local/KafkaAccess.java ADMIN_PROPERTIES ACL_FILE CLIENTS_DIR
 * File format: "user operation resource_type name [LITERAL|PREFIXED]" a line, # comments (deploy/local/kafka-acls.txt).
 */
public class KafkaAccess {
    private static final String SUPER_USER = "admin";
    private static final Pattern PASSWORD = Pattern.compile("password=\"([^\"]*)\"");
    private static final int ITERATIONS = 8192;

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: KafkaAccess <admin client properties> <ACL file> <client properties folder>");
            System.exit(2);
        }
        Set<String> users = new TreeSet<>();
        Set<AclBinding> wanted = new LinkedHashSet<>();
        int lineNo = 0;
        for (String raw : Files.readAllLines(Path.of(args[1]))) {
            lineNo++;
            String line = raw.replaceFirst("#.*", "").trim();
            if (line.isEmpty()) continue;
            String[] f = line.split("\\s+");
            if (f.length != 4 && f.length != 5) {
                fail(args[1] + ":" + lineNo + ": expected 'user operation resource_type name [pattern]', got: " + raw);
            }
            AclOperation operation = AclOperation.fromString(f[1]);
            ResourceType type = ResourceType.fromString(f[2]);
            PatternType pattern = f.length == 5 ? PatternType.fromString(f[4]) : PatternType.LITERAL;
            if (operation == AclOperation.UNKNOWN || type == ResourceType.UNKNOWN || pattern == PatternType.UNKNOWN
                    || !(pattern == PatternType.LITERAL || pattern == PatternType.PREFIXED)) {
                fail(args[1] + ":" + lineNo + ": unknown operation, resource type or pattern in: " + raw);
            }
            users.add(f[0]);
            wanted.add(new AclBinding(new ResourcePattern(type, f[3], pattern),
                    new AccessControlEntry("User:" + f[0], "*", operation, AclPermissionType.ALLOW)));
        }
        users.remove(SUPER_USER);

        Properties props = new Properties();
        try (var in = Files.newBufferedReader(Path.of(args[0]))) {
            props.load(in);
        }
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "nobd-kafka-access");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        try (Admin admin = Admin.create(props)) {
            List<UserScramCredentialAlteration> logins = new ArrayList<>();
            for (String user : users) {
                logins.add(new UserScramCredentialUpsertion(user,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), password(args[2], user)));
            }
            Set<String> known = new TreeSet<>(admin.describeUserScramCredentials().users().get(30, TimeUnit.SECONDS));
            known.removeAll(users);
            known.remove(SUPER_USER);
            known.forEach(user -> logins.add(new UserScramCredentialDeletion(user, ScramMechanism.SCRAM_SHA_512)));
            admin.alterUserScramCredentials(logins).all().get(30, TimeUnit.SECONDS);

            Set<AclBinding> present = new LinkedHashSet<>(admin.describeAcls(AclBindingFilter.ANY).values()
                    .get(30, TimeUnit.SECONDS));
            List<AclBinding> missing = wanted.stream().filter(b -> !present.contains(b)).toList();
            List<AclBindingFilter> extra = present.stream().filter(b -> !wanted.contains(b)).map(AclBinding::toFilter)
                    .toList();
            if (!missing.isEmpty()) admin.createAcls(missing).all().get(30, TimeUnit.SECONDS);
            if (!extra.isEmpty()) admin.deleteAcls(extra).all().get(30, TimeUnit.SECONDS);
            System.err.printf("kafka users: %s (SCRAM-SHA-512; %d removed); ACLs: %d, %d created, %d deleted%n",
                    String.join(", ", users), known.size(), wanted.size(), missing.size(), extra.size());
        }
    }

    /** The password in {@code user}'s client properties file (its sasl.jaas.config). */
    private static String password(String dir, String user) throws Exception {
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(Path.of(dir, user + ".properties"))) {
            props.load(in);
        }
        Matcher m = PASSWORD.matcher(props.getProperty("sasl.jaas.config", ""));
        if (!m.find()) fail("no password in " + Path.of(dir, user + ".properties"));
        return m.group(1);
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
