package kz.nobd.ingest.pipeline;

import java.sql.Connection;
import java.sql.SQLException;

import kz.nobd.ingest.domain.CardVersion;

/** Reacts, in the registry view's transaction, to a card version that closes or merges a school. */
public interface SchoolClosureHandler {
    void schoolClosed(Connection connection, CardVersion closure) throws SQLException;
}
