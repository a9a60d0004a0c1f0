package cn.fupin.reevaluation;

import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Launches a job asked for inside a transaction once that transaction has committed, and not at all if it
 * rolls back. A run is recorded and its job execution created under {@link RunLock}; a job thread started
 * before the commit would not find the run's row, and a run refused after its job was created would leave a
 * running job behind. Outside a transaction, it launches at once.
 */
final class LaunchAfterCommit implements TaskExecutor {

    private final TaskExecutor threads;

    LaunchAfterCommit(TaskExecutor threads) {
        this.threads = threads;
    }

    @Override
    public void execute(Runnable job) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            threads.execute(job);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                threads.execute(job);
            }
        });
    }
}
