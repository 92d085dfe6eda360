package kz.nobd.ingest.pipeline;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.nobd.contracts.InstitutionStatus;
import kz.nobd.ingest.domain.CardVersion;
import kz.nobd.ingest.domain.TimelineEntry;
import kz.nobd.ingest.store.StudentSet;
import kz.nobd.ingest.store.StudentStateWriter;
import kz.nobd.ingest.store.StudentTimelines;

/**
 * A closed school's open enrolments end on {@code closedOn}; a merged school's move to the successor. The change
 * enters each affected student's timeline as a registry entry (so later replays keep it), in the registry
 * view's transaction.
 */
@ApplicationScoped
public class SchoolClosures implements SchoolClosureHandler {
    @Inject
    StudentTimelines timelines;
    @Inject
    StudentStateWriter studentStates;

    @Override
    public void schoolClosed(Connection c, CardVersion closure) throws SQLException {
        if (closure.closedOn() == null) {
            return;
        }
        List<String> openThere = timelines.studentsOpenAt(c, closure.bin());
        StudentSet students = timelines.lockStored(c, openThere);
        for (String studentId : openThere) {
            UUID entryId = UUID.nameUUIDFromBytes(("registry:" + closure.bin() + ":" + closure.version() + ":" + studentId)
                    .getBytes(StandardCharsets.UTF_8));
            StudentSet.Member student = students.member(studentId);
            if (student.timeline().stream().anyMatch(e -> e.eventId().equals(entryId))) {
                continue;
            }
            long sequence = StudentSet.nextSequence(student);
            TimelineEntry entry = closure.status() == InstitutionStatus.MERGED && closure.successorBin() != null
                    ? TimelineEntry.schoolMerged(entryId, closure.bin(), closure.successorBin(), closure.closedOn(), sequence)
                    : TimelineEntry.schoolClosed(entryId, closure.bin(), closure.closedOn(), sequence);
            students.append(student, entry, null);
        }
        timelines.append(c, students.appended());
        studentStates.writeWithFacts(c, students);
    }
}
