package cn.fupin.system.audit;

import cn.fupin.system.crypto.PersonalDataKeys;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the audit key comes from: {@code app.audit.key} (APP_AUDIT_KEY) wins, otherwise
 * {@code app.audit.key-file} (APP_AUDIT_KEY_FILE). Only the embedded default makes a key file of its own; every
 * other profile refuses to start without a key, and every profile refuses one of the ID-number keys: a key
 * with two purposes is lost for both at once.
 */
@Configuration(proxyBeanMethods = false)
class AuditKeyConfiguration {

    @Bean
    AuditKey auditKey(
            @Value("${app.audit.key:}") String key,
            @Value("${app.audit.key-file:}") String keyFile,
            @Value("${app.audit.create-key-file:false}") boolean create,
            PersonalDataKeys personalData) {
        AuditKey audit;
        if (!key.isBlank()) {
            audit = AuditKey.of(key, "app.audit.key");
        } else if (!keyFile.isBlank()) {
            audit = AuditKey.file(Path.of(keyFile), create);
        } else {
            throw new IllegalStateException("No audit key: set app.audit.key (e.g. APP_AUDIT_KEY=<base64 of 32 "
                    + "random bytes>) or app.audit.key-file");
        }
        if (personalData.holds(audit.bytes())) {
            throw new IllegalStateException("The audit key is one of the keys protecting ID numbers: give the "
                    + "audit trail a key of its own");
        }
        return audit;
    }
}
