package kz.nobd.registry.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A CSV import run in the background: its state, progress, counts and, once done, the per-row report (JSON). */
@Entity
@Table(name = "import_job")
public class ImportJob {
    public enum Status {
        QUEUED, RUNNING, DONE, FAILED
    }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "dry_run")
    public boolean dryRun;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "submitter_role")
    public String submitterRole;
    public int received;
    public int processed;
    public int created;
    public int updated;
    public int unchanged;
    public int rejected;
    @JdbcTypeCode(SqlTypes.JSON)
    public String rows;
    public String failure;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;
    @Column(name = "finished_at")
    public Instant finishedAt;

    public boolean finished() {
        return status == Status.DONE || status == Status.FAILED;
    }
}
