package kz.nobd.deploychecks.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.util.List;
import java.util.Map;
import org.keycloak.representations.idm.RealmRepresentation;

/** The Keycloak operator's Keycloak and KeycloakRealmImport (k8s.keycloak.org/v2alpha1); a realm is Keycloak's own type. */
public final class KeycloakCr {
    private KeycloakCr() {
    }

    public record Keycloak(String apiVersion, String kind, ObjectMeta metadata, KeycloakSpec spec) {
    }

    public record KeycloakSpec(Integer instances, String image, Db db, Http http, Hostname hostname, Proxy proxy,
            Ingress ingress, List<Option> additionalOptions, ResourceRequirements resources) {
    }

    public record Db(String vendor, String host, Integer port, String database, SecretKeySelector usernameSecret,
            SecretKeySelector passwordSecret, Integer poolMaxSize) {
    }

    public record Http(Boolean httpEnabled, String tlsSecret) {
    }

    public record Hostname(String hostname, Boolean backchannelDynamic, Boolean strict) {
    }

    public record Proxy(ProxyHeaders headers) {
    }

    public enum ProxyHeaders { @JsonProperty("forwarded") FORWARDED, @JsonProperty("xforwarded") XFORWARDED }

    public record Ingress(Boolean enabled) {
    }

    public record Option(String name, String value, SecretKeySelector secret) {
    }

    public record RealmImport(String apiVersion, String kind, ObjectMeta metadata, RealmImportSpec spec) {
    }

    public record RealmImportSpec(String keycloakCRName, Map<String, Placeholder> placeholders,
            RealmRepresentation realm) {
    }

    public record Placeholder(SecretKeySelector secret) {
    }
}
