package cn.fupin.system;

import java.sql.Date;
import java.sql.JDBCType;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.core.mapping.JdbcValue;

/**
 * Dates (a member's birth date) are written to the database as SQL dates. Spring Data JDBC writes a
 * LocalDate as a timestamp by default, and MariaDB, given a timestamp before 1970 for a DATE column through
 * mysql-connector-j's server-side prepared statements, stores NULL: every member born before 1970 was
 * refused ("birth_date cannot be null"). Found by re-evaluation tests with random households.
 */
@Configuration(proxyBeanMethods = false)
class JdbcConversions {

    @Bean
    JdbcCustomConversions jdbcCustomConversions(JdbcDialect dialect) {
        return JdbcCustomConversions.of(dialect, List.of(LocalDateToSqlDate.INSTANCE));
    }

    /** To a JdbcValue: Spring Data JDBC would otherwise still pick a timestamp for any java.time type. */
    @WritingConverter
    enum LocalDateToSqlDate implements Converter<LocalDate, JdbcValue> {
        INSTANCE;

        @Override
        public JdbcValue convert(LocalDate date) {
            return JdbcValue.of(Date.valueOf(date), JDBCType.DATE);
        }
    }
}
