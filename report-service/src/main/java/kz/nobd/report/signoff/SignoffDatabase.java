package kz.nobd.report.signoff;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The connections of schema {@code signoff}: datasource "signoff" of the report database, with its own Flyway
 * history (db/signoff), shared by every replica (application.properties, docs/signoff.md).
 */
@ApplicationScoped
public class SignoffDatabase {
    @Inject
    @io.quarkus.agroal.DataSource("signoff")
    DataSource source;

    public DataSource source() {
        return source;
    }
}
