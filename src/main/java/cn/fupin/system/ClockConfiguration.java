package cn.fupin.system;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's notion of "today" and "now": Asia/Shanghai, where the province's offices work, in whole
 * seconds. Every stored time is whole seconds: MariaDB presents itself to mysql-connector-j as
 * "5.5.5-10.x", and the driver then drops the fractions of timestamps, so keeping them would make H2 and
 * MariaDB answer differently.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock clock() {
        return Clock.tickSeconds(ZONE);
    }
}
