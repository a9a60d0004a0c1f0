-- An evaluation's household snapshot keeps no ID number at all, not even masked: the masked form of V14
-- (520102********0031) showed the last four characters, and with the birth date beside it that was the
-- whole number. The rules never read an ID number; the stored household's lookup column identifies the
-- person. The field is taken out with the comma after it, or, where it is a member's last field, with the
-- comma before it. The same statements serve H2 and MariaDB (no escapes, no backreferences).
UPDATE evaluation
   SET input = REGEXP_REPLACE(input, '"idNumber":("[^"]*"|null),', '')
 WHERE input LIKE '%"idNumber"%';
UPDATE evaluation
   SET input = REGEXP_REPLACE(input, ',"idNumber":("[^"]*"|null)', '')
 WHERE input LIKE '%"idNumber"%';
