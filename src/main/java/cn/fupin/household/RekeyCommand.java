package cn.fupin.household;

import cn.fupin.system.audit.AuditTrail;
import cn.fupin.system.crypto.IdNumberCipher;
import cn.fupin.system.crypto.PersonalDataKeys;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code java -jar <jar> rekey [--retire] [--spring.profiles.active=mysql …]}: rotates the key of the stored
 * ID numbers while the service keeps running. With a key file, a fresh key is added to it and made current
 * (running services read the file again within a second, then encrypt with it and still read the old
 * values); with keys in configuration, the first configured key is the new one (put it first and restart the
 * services before). Then every value under another key is re-encrypted, a thousand at a time, each update
 * only if the value is unchanged since it was read (a concurrent PUT wins), until none is left. Later,
 * {@code rekey --retire} adds no key: it re-encrypts whatever is still under an old key (a PUT that a service
 * encrypted just before it switched) and then drops the old keys from the key file. Running either again is
 * harmless; each leaves a row in the audit trail. Exit status 0, or 1 on failure.
 */
public final class RekeyCommand {

    private static final int BATCH = 1000;

    private RekeyCommand() {}

    public static boolean handles(String[] args) {
        return args.length >= 1 && args[0].equals("rekey");
    }

    public static int run(Class<?> application, String[] args, PrintStream out) {
        boolean retire = Arrays.asList(args).contains("--retire");
        String[] springArgs =
                Arrays.stream(args).skip(1).filter(a -> !a.equals("--retire")).toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .lazyInitialization(true)
                .logStartupInfo(false)
                .run(springArgs)) {
            PersonalDataKeys keys = context.getBean(PersonalDataKeys.class);
            IdNumberCipher cipher = context.getBean(IdNumberCipher.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            if (keys.file() != null && !retire) {
                String id = keys.addCurrentKey();
                out.println("added key " + id + " to " + keys.file() + " as the current key");
                // Running services look at the key file at most a second apart: let them switch first.
                Thread.sleep(2_000);
            }
            long changed = reencrypt(jdbc, cipher);
            out.printf("re-encrypted %,d ID numbers under key %s%n", changed, cipher.currentKeyId());
            if (retire && keys.file() != null) {
                keys.retireOldKeys();
                out.println("old keys removed from " + keys.file());
            }
            context.getBean(AuditTrail.class)
                    .record(
                            "ID_NUMBER_REKEY",
                            null,
                            "OK",
                            String.format(
                                    "%d values re-encrypted under key %s%s",
                                    changed, cipher.currentKeyId(), retire ? ", old keys retired" : ""));
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /**
     * Passes over the members until every value is under the current key and bound to its member (values
     * written before that was so are bound to their household only).
     */
    static long reencrypt(JdbcTemplate jdbc, IdNumberCipher cipher) {
        long changed = 0;
        while (true) {
            // Under an older key, or written before values were bound to their member.
            String current = cipher.currentForm() + "%";
            long pass = 0;
            String afterHousehold = "";
            int afterPosition = -1;
            while (true) {
                List<Object[]> rows = jdbc.query(
                        """
                        SELECT household_id, position, id_number_cipher, member_id FROM household_member
                         WHERE (household_id > ? OR (household_id = ? AND position > ?)) AND id_number_cipher NOT LIKE ?
                         ORDER BY household_id, position LIMIT ?""",
                        (rs, n) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)},
                        afterHousehold,
                        afterHousehold,
                        afterPosition,
                        current,
                        BATCH);
                if (rows.isEmpty()) {
                    break;
                }
                List<Object[]> updates = new ArrayList<>(rows.size());
                for (Object[] row : rows) {
                    String household = (String) row[0];
                    String old = (String) row[2];
                    String member = (String) row[3];
                    updates.add(new Object[] {
                        cipher.encrypt(cipher.decrypt(old, household, member), household, member),
                        household,
                        row[1],
                        old
                    });
                }
                for (int n : jdbc.batchUpdate("""
                        UPDATE household_member SET id_number_cipher = ?
                         WHERE household_id = ? AND position = ? AND id_number_cipher = ?""", updates)) {
                    pass += Math.max(n, 0);
                }
                Object[] last = rows.get(rows.size() - 1);
                afterHousehold = (String) last[0];
                afterPosition = (Integer) last[1];
            }
            changed += pass;
            if (pass == 0) {
                return changed;
            }
        }
    }
}
