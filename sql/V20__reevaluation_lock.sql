-- One run at a time across instances: starting or resuming a run locks this one row (SELECT ... FOR UPDATE)
-- for the check that no overlapping run is running and the recording of the new run with its job
-- execution, so that instances sharing the database take turns. A lock inside one process (synchronized)
-- let two replicas both find no running run and both start one.
CREATE TABLE reevaluation_lock (
    id INT NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO reevaluation_lock (id) VALUES (1);
