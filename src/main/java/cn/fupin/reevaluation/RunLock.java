package cn.fupin.reevaluation;

import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One start or resume at a time across every instance on the database: the work runs in a transaction that
 * first locks the one row of {@code reevaluation_lock}, so that the check for an overlapping running run, the
 * new run's row and its job execution are decided by one instance and committed before the next instance
 * looks. {@code synchronized} held only inside one process: two replicas both found no running run and both
 * started one.
 *
 * <p>Read committed, so that the check sees what the instance before it committed while this one waited for
 * the row (on MySQL's default, repeatable read, a snapshot could predate that). The job is launched only
 * once this transaction has committed ({@link LaunchAfterCommit}): its thread reads the run's row.
 */
@Component
class RunLock {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    RunLock(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /** Does the work holding the lock, in the lock's transaction; an exception rolls everything back. */
    <T> T holding(Supplier<T> work) {
        return transactions.execute(status -> {
            jdbc.queryForObject("SELECT id FROM reevaluation_lock WHERE id = 1 FOR UPDATE", Integer.class);
            return work.get();
        });
    }
}
