package kz.nobd.deploychecks.model;

import java.util.Map;

/**
 * The custom resources of CloudNativePG 1.30 (with its Barman Cloud plugin 0.14) and of the Keycloak operator 26 that
 * NOBD uses, as typed records. Neither project publishes its API model or CRDs as a Maven artifact, so these records
 * were written by hand from their CRD schemas (cloudnative-pg config/crd/bases at v1.30.0, plugin-barman-cloud at
 * v0.14.0, keycloak-k8s-resources kubernetes/*.yml at 26.0.0): only the fields NOBD sets, with their types and
 * enumerations; they are read strictly, so a field the schema does not have, a wrong type or a value outside an
 * enumeration fails. A field NOBD starts using must be added here from the schema (docs/deploy.md, "Static checks").
 */
public final class CustomResources {
    private static final Map<String, Class<?>> TYPES = Map.of(
            "postgresql.cnpg.io/v1 Cluster", Cnpg.Cluster.class,
            "postgresql.cnpg.io/v1 Database", Cnpg.Database.class,
            "postgresql.cnpg.io/v1 ScheduledBackup", Cnpg.ScheduledBackup.class,
            "barmancloud.cnpg.io/v1 ObjectStore", Cnpg.ObjectStore.class,
            "k8s.keycloak.org/v2alpha1 Keycloak", KeycloakCr.Keycloak.class,
            "k8s.keycloak.org/v2alpha1 KeycloakRealmImport", KeycloakCr.RealmImport.class);

    private CustomResources() {
    }

    /** The record of an apiVersion and kind, or null when it is not one of these. */
    static Class<?> type(String apiVersion, String kind) {
        return TYPES.get(apiVersion + " " + kind);
    }
}
