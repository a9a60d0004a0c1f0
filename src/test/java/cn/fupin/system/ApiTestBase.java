package cn.fupin.system;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * A test that talks to the whole service over real HTTP, on the database of the test run: H2 by default,
 * MySQL/MariaDB with {@code mvn verify -Pmysql}. Each test registers households under ids of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTestBase {

    @LocalServerPort
    protected int port;

    @Autowired
    protected Environment environment;

    protected Api api;

    @BeforeEach
    void connect() {
        api = new Api(port, environment);
    }

    /** A household id no other test uses, in region 520102. */
    protected static String newHouseholdId() {
        return "520102-" + UUID.randomUUID().toString().substring(0, 13);
    }
}
