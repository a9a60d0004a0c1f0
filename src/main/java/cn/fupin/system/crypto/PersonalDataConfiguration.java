package cn.fupin.system.crypto;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the keys protecting ID numbers come from: inline configuration (the environment:
 * {@code APP_PERSONAL_DATA_KEYS}, {@code APP_PERSONAL_DATA_HMAC_KEY}) wins; otherwise the key file. Only the
 * embedded default may create a key file of its own ({@code app.personal-data.create-key-file}); every other
 * profile refuses to start without keys.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

    @Bean
    PersonalDataKeys personalDataKeys(
            @Value("${app.personal-data.keys:}") String keys,
            @Value("${app.personal-data.hmac-key:}") String hmacKey,
            @Value("${app.personal-data.key-file:}") String keyFile,
            @Value("${app.personal-data.create-key-file:false}") boolean create) {
        if (!keys.isBlank()) {
            return PersonalDataKeys.inline(keys, hmacKey);
        }
        if (keyFile.isBlank()) {
            throw new IllegalStateException("No keys for ID numbers: set app.personal-data.keys and "
                    + "app.personal-data.hmac-key (e.g. APP_PERSONAL_DATA_KEYS=k1:<base64 of 32 random bytes>), "
                    + "or app.personal-data.key-file");
        }
        return PersonalDataKeys.file(Path.of(keyFile), create);
    }

    @Bean
    IdNumberCipher idNumberCipher(PersonalDataKeys keys) {
        return new IdNumberCipher(keys);
    }
}
