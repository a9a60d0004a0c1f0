package cn.fupin.system;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The MySQL test database outlives a test run: the first Spring context of a run empties it, so every run
 * starts from the migrations as they are now. Later contexts of the same run keep what earlier ones made.
 */
@Configuration(proxyBeanMethods = false)
@Profile("mysql-test")
class CleanTestDatabase {

    private static final AtomicBoolean CLEANED = new AtomicBoolean();

    @Bean
    FlywayMigrationStrategy cleanOncePerRun() {
        return flyway -> {
            if (CLEANED.compareAndSet(false, true)) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }
}
