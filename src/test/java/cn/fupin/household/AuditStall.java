package cn.fupin.household;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Holds the audit chain's head row locked, as a long audit write elsewhere would: every append waits, so an
 * export, which audits each page after writing it, stalls part-way through its stream for as long as held.
 */
final class AuditStall implements AutoCloseable {

    private final Connection connection;

    AuditStall(DataSource dataSource) throws SQLException {
        connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (Statement lock = connection.createStatement()) {
            lock.executeQuery("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE")
                    .close();
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
