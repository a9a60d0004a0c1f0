-- The household snapshot recorded with each evaluation keeps only masked ID numbers (520102********1234):
-- the rules never read them, and a replay reads the masked form. Snapshots recorded before ID numbers were
-- protected held them in full; this masks them in place. (H2 in MySQL mode takes backreferences as \1 and,
-- unlike MariaDB, reads no escapes in string literals.)
UPDATE evaluation
   SET input = REGEXP_REPLACE(input, '"idNumber":"([0-9]{6})[0-9]{8}([0-9X]{4})"', '"idNumber":"\1********\2"')
 WHERE input LIKE '%"idNumber":"%';
