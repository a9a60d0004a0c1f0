#!/usr/bin/env bash
# A checksum of everything recorded (evaluations, the ledger and its history) in a MySQL/MariaDB database:
# equal before and after a dry run, which must record nothing.
#   src/bench/reevaluation/ledger-checksum.sh fupin_bench
set -euo pipefail
mysql -h127.0.0.1 -uroot -N "${1:-fupin}" -e "
SELECT 'evaluations', (SELECT COUNT(*) FROM evaluation) + (SELECT COUNT(*) FROM evaluation_repeat);
SELECT 'ledger', COUNT(*), SUM(CRC32(CONCAT_WS('|', recommendation_id, household_id, measure, member_id,
       IFNULL(current_flag, '-'), status, rule_name, reason, evaluation_id, version))) FROM recommendation;
SELECT 'history', COUNT(*), SUM(CRC32(CONCAT_WS('|', recommendation_id, position, status, IFNULL(note, ''),
       changed_by))) FROM recommendation_status_change;"
