import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics listed in a declarative file, skipping those that exist, as the client the properties file
 * describes (bootstrap servers and login: .cache/<instance>/kafka/clients/admin.properties).
 * Run with the broker's jars on the class path (single-file source launch):
 *   java -cp '.cache/dist/kafka-<v>/libs/*' deploy/local/CreateTopics.java CLIENT_PROPERTIES deploy/local/topics.txt \
 *       REPLICATION_FACTOR MIN_INSYNC_REPLICAS
 * File format: one topic a line, "name partitions retention_ms" (-1 = no time limit), # comments.
 * Replication factor and min.insync.replicas: 1 and 1 on the single local broker, 3 and 2 in production (a write
 * acknowledged by acks=all then survives the loss of a broker, and one broker may be down without stopping
 * producers); cleanup.policy=delete.
 */
public class CreateTopics {
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: CreateTopics <client properties> <topics file> <replication factor>"
                    + " <min.insync.replicas>");
            System.exit(2);
        }
        short replicas = Short.parseShort(args[2]);
        int minInSync = Integer.parseInt(args[3]);
        if (replicas < 1 || minInSync < 1 || minInSync > replicas) {
            System.err.printf("replication factor %d and min.insync.replicas %d: need 1 <= min.insync.replicas"
                    + " <= replication factor%n", replicas, minInSync);
            System.exit(2);
        }
        List<NewTopic> wanted = new ArrayList<>();
        int lineNo = 0;
        for (String raw : Files.readAllLines(Path.of(args[1]))) {
            lineNo++;
            String line = raw.replaceFirst("#.*", "").trim();
            if (line.isEmpty()) continue;
            String[] f = line.split("\\s+");
            if (f.length != 3) {
                System.err.printf("%s:%d: expected 'name partitions retention_ms', got: %s%n", args[1], lineNo, raw);
                System.exit(2);
            }
            long retention = Long.parseLong(f[2]);
            if (retention < -1) throw new IllegalArgumentException("bad retention_ms at line " + lineNo);
            wanted.add(new NewTopic(f[0], Integer.parseInt(f[1]), replicas).configs(Map.of("retention.ms", f[2],
                    "cleanup.policy", "delete", "min.insync.replicas", String.valueOf(minInSync))));
        }
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(Path.of(args[0]))) {
            props.load(in);
        }
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "nobd-create-topics");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            int created = 0;
            if (!missing.isEmpty()) {
                var results = admin.createTopics(missing).values();
                for (var e : results.entrySet()) {
                    try {
                        e.getValue().get(30, TimeUnit.SECONDS);
                        created++;
                    } catch (ExecutionException ex) {
                        if (!(ex.getCause() instanceof TopicExistsException)) throw ex; // created concurrently: fine
                    }
                }
            }
            System.err.printf("kafka topics: %d created, %d already present (%s, replication factor %d,"
                    + " min.insync.replicas %d)%n", created, wanted.size() - missing.size(),
                    props.getProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG), replicas, minInSync);
        }
    }
}
