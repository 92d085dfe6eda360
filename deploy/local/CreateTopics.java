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
 * Creates the topics listed in a declarative file, skipping those that exist.
 * Run with the broker's jars on the class path (single-file source launch):
 *   java -cp '.cache/dist/kafka-<v>/libs/*' deploy/local/CreateTopics.java 127.0.0.1:9092 deploy/local/topics.txt
 * File format: one topic a line, "name partitions retention_ms" (-1 = no time limit), # comments.
 * Replication factor is 1 (single local broker); cleanup.policy=delete.
 */
public class CreateTopics {
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: CreateTopics <bootstrap> <topics file>");
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
            wanted.add(new NewTopic(f[0], Integer.parseInt(f[1]), (short) 1)
                    .configs(Map.of("retention.ms", f[2], "cleanup.policy", "delete")));
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
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
            System.err.printf("kafka topics: %d created, %d already present (%s)%n",
                    created, wanted.size() - missing.size(), args[0]);
        }
    }
}
