package kz.nobd.registry.repository;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import kz.nobd.registry.domain.ImportJob;

/** CSV import jobs. */
@ApplicationScoped
public class ImportJobRepository implements PanacheRepositoryBase<ImportJob, UUID> {

    /** Refreshes the heartbeat of those of {@code ids} that are not finished; returns how many. */
    public int heartbeat(Set<UUID> ids, Instant now) {
        return update("heartbeatAt = ?1 where id in ?2 and finishedAt is null", now, ids);
    }
}
