package kz.nobd.report.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.nobd.report.service.EnrolmentCube;

/**
 * Whether this replica's views have caught up with what was published before it started: the registry topic and
 * the fact topics read to the end offsets they had then, and the students of today in memory. Readiness and the
 * API ({@code CatchingUpGate}) both ask it, so a replica answers no figure before it would be ready.
 */
@ApplicationScoped
public class ViewsCaughtUp {
    @Inject
    RegistryConsumer registry;
    @Inject
    FactConsumer facts;
    @Inject
    EnrolmentCube cube;

    public boolean registry() {
        return registry.catchUp().caughtUp();
    }

    public boolean facts() {
        return facts.catchUp().caughtUp();
    }

    public boolean studentsLoaded() {
        return cube.date() != null;
    }

    public boolean all() {
        return registry() && facts() && studentsLoaded();
    }
}
