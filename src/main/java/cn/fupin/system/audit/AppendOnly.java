package cn.fupin.system.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2's trigger on {@code audit_event} (migration V13): refuses every UPDATE and DELETE. */
public class AppendOnly implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_event is append-only", "45000");
    }
}
