-- The job repository's id sequences on the embedded H2, as Spring Batch's H2 incrementer expects
-- (spring-batch-core 6.0, schema-h2.sql).
CREATE SEQUENCE BATCH_STEP_EXECUTION_SEQ;
CREATE SEQUENCE BATCH_JOB_EXECUTION_SEQ;
CREATE SEQUENCE BATCH_JOB_INSTANCE_SEQ;
