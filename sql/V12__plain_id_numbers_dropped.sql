-- Every ID number is now encrypted (V11): the plain column goes. Within a household an ID number appears once
-- (the HMAC makes that a constraint without the number); across households, the HMAC index finds a person
-- registered twice.
ALTER TABLE household_member DROP COLUMN id_number;
ALTER TABLE household_member MODIFY id_number_cipher VARCHAR(96) NOT NULL;
ALTER TABLE household_member MODIFY id_number_hmac CHAR(64) NOT NULL;
ALTER TABLE household_member ADD CONSTRAINT household_member_unique_person UNIQUE (household_id, id_number_hmac);
CREATE INDEX household_member_by_id_number ON household_member (id_number_hmac);
