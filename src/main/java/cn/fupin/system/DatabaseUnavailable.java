package cn.fupin.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database is away (restarting, failing over, unreachable): every request that needs it, signing in
 * included, is answered 503 with Retry-After, not 401 (the credentials may be right) or 500 (nothing is
 * broken in the service). Readiness goes DOWN meanwhile (the {@code db} health check is in its group), so a
 * load balancer stops sending work until the database is back. This filter catches what escapes the
 * security filters and the controllers; the controllers' own advice and the sign-in entry points ask
 * {@link #causes(Throwable)} too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class DatabaseUnavailable extends OncePerRequestFilter {

    /** Seconds a client is told to wait: a restart of the database or a failover takes some. */
    static final String RETRY_AFTER = "10";

    private final JsonMapper json;

    DatabaseUnavailable(JsonMapper json) {
        this.json = json;
    }

    /** Whether the failure is the database being unreachable, rather than a fault of the request or the code. */
    public static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    static void answer(JsonMapper json, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", RETRY_AFTER);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(
                response.getOutputStream(),
                ApiProblems.problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Database unavailable",
                        "The database cannot be reached; try again in " + RETRY_AFTER + " s."));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!causes(e) || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            answer(json, response);
        }
    }
}
