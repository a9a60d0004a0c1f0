package cn.fupin.household;

import cn.fupin.system.crypto.IdNumberCipher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 11: encrypts the ID numbers a registry stored in plain before ID numbers were protected, and fills
 * their lookup hashes, a batch of members at a time (the keys come from the service's configuration, so this
 * step is Java, between the SQL migrations that add the new columns and drop the plain one).
 */
@Component
class IdNumbersEncrypted implements JavaMigration {

    private static final int BATCH = 1000;

    private final IdNumberCipher cipher;

    IdNumbersEncrypted(IdNumberCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("11");
    }

    @Override
    public String getDescription() {
        return "id numbers encrypted";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    /** One transaction: a migration stopped half-way leaves the plain column whole, and runs again. */
    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        String afterHousehold = "";
        int afterPosition = -1;
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT household_id, position, id_number, member_id FROM household_member
                 WHERE (household_id > ? OR (household_id = ? AND position > ?))
                 ORDER BY household_id, position LIMIT ?""");
                PreparedStatement update = connection.prepareStatement("""
                UPDATE household_member SET id_number_cipher = ?, id_number_hmac = ?
                 WHERE household_id = ? AND position = ?""")) {
            while (true) {
                select.setString(1, afterHousehold);
                select.setString(2, afterHousehold);
                select.setInt(3, afterPosition);
                select.setInt(4, BATCH);
                int rows = 0;
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        afterHousehold = rs.getString(1);
                        afterPosition = rs.getInt(2);
                        String number = rs.getString(3);
                        update.setString(1, cipher.encrypt(number, afterHousehold, rs.getString(4)));
                        update.setString(2, cipher.lookupHash(number));
                        update.setString(3, afterHousehold);
                        update.setInt(4, afterPosition);
                        update.addBatch();
                        rows++;
                    }
                }
                if (rows == 0) {
                    return;
                }
                update.executeBatch();
            }
        }
    }
}
