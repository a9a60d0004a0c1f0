-- Which process runs which range of a remote re-evaluation, and when it last said so: a worker takes the row
-- before it runs a range's step execution and refreshes heard_at on a schedule while it runs it. A range whose
-- row was heard from lately is held by a live worker: a resume does not hand it out again and a second worker
-- does not run it beside the first. heard_at is the database's own clock, so workers' clocks do not matter.
CREATE TABLE reevaluation_range_hold (
    step_execution_id BIGINT NOT NULL,
    holder VARCHAR(200) NOT NULL,
    heard_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (step_execution_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
