package cn.fupin.system;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * At most {@code app.rate-limit.writes-per-second} requests that change something, per signed-in user
 * (a stolen or runaway client cannot rewrite the registry at full speed): beyond it 429 with Retry-After.
 * Reads and the preview ({@code POST /api/recommendations}, which stores nothing) are not limited. Runs after
 * Spring Security, so the user is known.
 */
@Component
class WriteRateLimit extends OncePerRequestFilter {

    private final RateLimiterRegistry limiters;
    private final JsonMapper json;

    WriteRateLimit(@Value("${app.rate-limit.writes-per-second:20}") int perSecond, JsonMapper json) {
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(perSecond)
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build());
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        String path = request.getRequestURI();
        boolean write =
                method.equals("POST") || method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE");
        return !write || !path.startsWith("/api/") || path.equals("/api/recommendations");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        RateLimiter limiter = limiters.rateLimiter(auth.getName());
        if (limiter.acquirePermission()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", "1");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(
                response.getOutputStream(),
                ApiProblems.problem(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "Too many requests",
                        "More than " + limiter.getRateLimiterConfig().getLimitForPeriod()
                                + " changes a second from one user: wait a second and send it again"));
    }
}
