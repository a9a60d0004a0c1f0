-- The service's own MySQL/MariaDB account: it reads and writes every table of the schema except the audit
-- trail, which it may only read and append to, and audit_chain (from which row the trail is keyed), which it
-- may only read. (MySQL has no grant for "every table but one": hence a line per table. Add a line here with
-- every migration that creates a table: GrantsFileTests and, on MariaDB, LeastPrivilegeTests fail on a table
-- without one.) Nothing on flyway_schema_history: the migrations run as the
-- schema's owner (spring.flyway.user). Run as an administrator, after the migrations (MySQL grants only on
-- tables that exist), and again after every release whose migrations create a table:
--   mysql -u root fupin < sql/grants/mysql-app-user.sql    (after: CREATE USER 'fupin_app'@'%' IDENTIFIED BY '…';)
GRANT SELECT, INSERT, UPDATE, DELETE ON app_user TO 'fupin_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON audit_head TO 'fupin_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON BATCH_JOB_EXECUTION TO 'fupin_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON BATCH_JOB_EXECUTION_CONTEXT TO 'fupin_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON BATCH_JOB_EXECUTION_PARAMS TO 'fupin_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON BATCH_JOB_EXECUTION_SEQ TO 'fupin_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON BATCH_JOB_INSTANCE TO 'fupin_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON BATCH_JOB_INSTANCE_SEQ TO 'fupin_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON BATCH_STEP_EXECUTION TO 'fupin_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON BATCH_STEP_EXECUTION_CONTEXT TO 'fupin_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON BATCH_STEP_EXECUTION_SEQ TO 'fupin_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON evaluation TO 'fupin_app'@'%';
-- Written once, never changed: a household's numbered answer, a version's snapshot.
GRANT SELECT, INSERT ON evaluation_result TO 'fupin_app'@'%';
-- A run's repeats are written once too; the view of a run's evaluations, of both kinds, is read.
GRANT SELECT, INSERT ON evaluation_repeat TO 'fupin_app'@'%';
GRANT SELECT ON run_evaluation TO 'fupin_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON household TO 'fupin_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON household_coverage TO 'fupin_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON household_evaluated TO 'fupin_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON household_member TO 'fupin_app'@'%';
GRANT SELECT, INSERT ON household_snapshot TO 'fupin_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON quality_finding TO 'fupin_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON recommendation TO 'fupin_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON recommendation_status_change TO 'fupin_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON reevaluation TO 'fupin_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON reevaluation_change TO 'fupin_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON reevaluation_household TO 'fupin_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON reevaluation_lock TO 'fupin_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON reevaluation_range_hold TO 'fupin_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON reevaluation_range_progress TO 'fupin_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON reevaluation_skip TO 'fupin_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ruleset TO 'fupin_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ruleset_activation TO 'fupin_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ruleset_reload_audit TO 'fupin_app'@'%';
GRANT SELECT, INSERT ON audit_event TO 'fupin_app'@'%';
GRANT SELECT ON audit_chain TO 'fupin_app'@'%';
