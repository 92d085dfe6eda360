package kz.nobd.deploychecks.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.List;
import java.util.Map;

/** CloudNativePG's Cluster, Database and ScheduledBackup (postgresql.cnpg.io/v1) and the plugin's ObjectStore. */
public final class Cnpg {
    private Cnpg() {
    }

    public record Cluster(String apiVersion, String kind, ObjectMeta metadata, ClusterSpec spec) {
    }

    public record ClusterSpec(Integer instances, String imageName, UpdateStrategy primaryUpdateStrategy,
            Postgresql postgresql, Bootstrap bootstrap, Managed managed, ResourceRequirements resources,
            Storage storage, Storage walStorage, Affinity affinity, List<Plugin> plugins) {
    }

    public enum UpdateStrategy { @JsonProperty("unsupervised") UNSUPERVISED, @JsonProperty("supervised") SUPERVISED }

    public record Postgresql(Map<String, String> parameters, Synchronous synchronous) {
    }

    public record Synchronous(SyncMethod method, Integer number) {
    }

    public enum SyncMethod { @JsonProperty("any") ANY, @JsonProperty("first") FIRST }

    public record Bootstrap(Initdb initdb) {
    }

    public record Initdb(String database, String owner, LocalRef secret, String encoding, String localeCollate,
            String localeCType) {
    }

    public record LocalRef(String name) {
    }

    public record Managed(List<Role> roles) {
    }

    public record Role(String name, Ensure ensure, Boolean login, LocalRef passwordSecret) {
    }

    public enum Ensure { @JsonProperty("present") PRESENT, @JsonProperty("absent") ABSENT }

    public record Storage(String size, String storageClass) {
    }

    public record Affinity(Boolean enablePodAntiAffinity, AntiAffinityType podAntiAffinityType, String topologyKey) {
    }

    public enum AntiAffinityType { @JsonProperty("preferred") PREFERRED, @JsonProperty("required") REQUIRED }

    public record Plugin(String name, Boolean isWALArchiver, Map<String, String> parameters) {
    }

    public record Database(String apiVersion, String kind, ObjectMeta metadata, DatabaseSpec spec) {
    }

    public record DatabaseSpec(LocalRef cluster, String name, String owner, Ensure ensure) {
    }

    public record ScheduledBackup(String apiVersion, String kind, ObjectMeta metadata, ScheduledBackupSpec spec) {
    }

    public record ScheduledBackupSpec(String schedule, Boolean immediate, OwnerReference backupOwnerReference,
            BackupTarget target, LocalRef cluster, BackupMethod method, LocalRef pluginConfiguration) {
    }

    public enum OwnerReference { @JsonProperty("none") NONE, @JsonProperty("self") SELF, @JsonProperty("cluster") CLUSTER }

    public enum BackupTarget { @JsonProperty("primary") PRIMARY, @JsonProperty("prefer-standby") PREFER_STANDBY }

    public enum BackupMethod {
        @JsonProperty("barmanObjectStore") BARMAN_OBJECT_STORE, @JsonProperty("volumeSnapshot") VOLUME_SNAPSHOT,
        @JsonProperty("plugin") PLUGIN
    }

    public record ObjectStore(String apiVersion, String kind, ObjectMeta metadata, ObjectStoreSpec spec) {
    }

    public record ObjectStoreSpec(String retentionPolicy, StoreConfiguration configuration) {
    }

    public record StoreConfiguration(String destinationPath, String endpointURL, S3Credentials s3Credentials,
            Compression wal, DataConfiguration data) {
    }

    public record S3Credentials(KeyRef accessKeyId, KeyRef secretAccessKey) {
    }

    public record KeyRef(String name, String key) {
    }

    public record Compression(CompressionType compression) {
    }

    public record DataConfiguration(DataCompression compression, Integer jobs) {
    }

    public enum DataCompression {
        @JsonProperty("bzip2") BZIP2, @JsonProperty("gzip") GZIP, @JsonProperty("lz4") LZ4, @JsonProperty("snappy") SNAPPY
    }

    public enum CompressionType {
        @JsonProperty("bzip2") BZIP2, @JsonProperty("gzip") GZIP, @JsonProperty("lz4") LZ4,
        @JsonProperty("snappy") SNAPPY, @JsonProperty("xz") XZ, @JsonProperty("zstd") ZSTD
    }
}
