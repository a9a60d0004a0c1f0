package cn.fupin.reevaluation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Holds households' row locks, as case workers' evaluations would, until the connection is closed (rolled
 * back): a run reaching one of them waits there, so that a test can stop, resume or race it mid-way.
 */
final class HeldHouseholds {

    private HeldHouseholds() {}

    static Connection lock(DataSource dataSource, List<String> householdIds) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        for (String id : householdIds) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT household_id FROM household WHERE household_id = ? FOR UPDATE")) {
                select.setString(1, id);
                select.executeQuery().close();
            }
        }
        return connection;
    }
}
