package cn.fupin.system;

import cn.fupin.system.access.AccountChanged;
import cn.fupin.system.access.AccountSessions;
import cn.fupin.system.access.SignInAttempts;
import cn.fupin.system.access.SignedInAccounts;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP Basic for every API call, by role: a CASEWORKER previews and records households, POLICY manages
 * rules, ADMIN manages users and reads the audit trail. Health and the OpenAPI document are open. Users live
 * in the database (system.access); which households they reach is bounded by their region (RegionScope).
 * Every response carries the security headers below; errors never carry a stack trace.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication // the import command runs the service without a web server, and without users
class SecurityConfiguration {

    /** Pages and API answers: own scripts and styles only, never framed, no referrer sent on. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; "
            + "base-uri 'self'; form-action 'self'";

    /**
     * API clients: every request signs in with HTTP Basic (any request carrying an Authorization header comes
     * here). No session is created or read, so a forged request has nothing to ride on and needs no CSRF token.
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, JsonMapper json, AuthenticationManager authenticationManager)
            throws Exception {
        http.securityMatcher(request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null)
                .authenticationManager(authenticationManager)
                .csrf(csrf -> csrf.disable())
                .headers(SecurityConfiguration::headers)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(SecurityConfiguration::authorize)
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    if (DatabaseUnavailable.causes(e)) { // the account could not be read: not a wrong password
                        DatabaseUnavailable.answer(json, response);
                        return;
                    }
                    response.setHeader("WWW-Authenticate", "Basic realm=\"fupin\"");
                    write(
                            json,
                            response,
                            HttpStatus.UNAUTHORIZED,
                            "Unauthorized",
                            "Sign in with HTTP Basic (five failures in a row lock the account for 15 minutes)");
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        write(json, response, HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this")));
        return http.build();
    }

    /**
     * Browsers: the dashboard signs in with a form and keeps a session; every request that changes something
     * carries the session's CSRF token (the sign-in and sign-out forms too). A page asked for without a session
     * goes to the sign-in form; the dashboard's own calls get 401 without a Basic challenge, so the browser
     * shows no password prompt of its own (it would then send Basic credentials with every request, forged ones too).
     */
    @Bean
    @Order(2)
    SecurityFilterChain browser(
            HttpSecurity http, JsonMapper json, AuthenticationManager authenticationManager, AccountSessions sessions)
            throws Exception {
        http.authenticationManager(authenticationManager)
                // Without a session a request carries no credentials a forgery could borrow: it is told to sign
                // in (401) rather than refused for a token. The sign-in itself always needs the form's token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        request -> request.getSession(false) == null && !"/login".equals(request.getServletPath())))
                .headers(SecurityConfiguration::headers)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(sessions.signedIn("/"))
                        .failureHandler((request, response, e) -> {
                            if (DatabaseUnavailable.causes(e)) {
                                DatabaseUnavailable.answer(json, response);
                            } else {
                                response.sendRedirect(request.getContextPath() + "/login?error");
                            }
                        })
                        .permitAll())
                .addFilterBefore(sessions, AuthorizationFilter.class)
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                .authorizeHttpRequests(SecurityConfiguration::authorize)
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> String.valueOf(request.getHeader(HttpHeaders.ACCEPT))
                                        .contains("text/html"))
                        .defaultAuthenticationEntryPointFor(
                                (request, response, e) -> {
                                    if (DatabaseUnavailable.causes(e)) {
                                        DatabaseUnavailable.answer(json, response);
                                        return;
                                    }
                                    // The dashboard's own calls say who they are: no Basic challenge for them.
                                    if (request.getHeader("X-Requested-With") == null) {
                                        response.setHeader("WWW-Authenticate", "Basic realm=\"fupin\"");
                                    }
                                    write(
                                            json,
                                            response,
                                            HttpStatus.UNAUTHORIZED,
                                            "Unauthorized",
                                            "Sign in with HTTP Basic (five failures in a row lock the account for 15 minutes)");
                                },
                                request -> true)
                        .accessDeniedHandler((request, response, e) -> {
                            if (e instanceof CsrfException) {
                                write(
                                        json,
                                        response,
                                        HttpStatus.FORBIDDEN,
                                        "Forbidden",
                                        "The request carries no valid CSRF token of this session");
                            } else {
                                write(
                                        json,
                                        response,
                                        HttpStatus.FORBIDDEN,
                                        "Forbidden",
                                        "Your role does not allow this");
                            }
                        }));
        return http.build();
    }

    /**
     * Beside Spring Security's defaults (nosniff, frame DENY, no-store caching of API answers, HSTS over
     * HTTPS): a content security policy, no referrer, and no browser features the dashboard does not use.
     */
    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .addHeaderWriter(new StaticHeadersWriter(
                        "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"))
                .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin"));
    }

    /** Who may do what: the same for API clients and for the dashboard. */
    private static void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        auth.requestMatchers(
                        "/actuator/health",
                        "/actuator/health/**",
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/swagger-ui.html",
                        "/swagger-ui/**",
                        "/error",
                        "/login",
                        "/dashboard.css",
                        "/webjars/**")
                .permitAll()
                .requestMatchers("/actuator/**", "/api/users", "/api/users/**", "/api/audit", "/api/audit/**")
                .hasRole("ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/rulesets/validate", "/api/rulesets/reload")
                .hasRole("POLICY")
                .requestMatchers("/api/reevaluations", "/api/reevaluations/**")
                .hasRole("POLICY")
                .requestMatchers(
                        "/api/recommendations",
                        "/api/recommendations/**",
                        "/api/households",
                        "/api/households/**",
                        "/api/evaluations/**")
                .hasRole("CASEWORKER")
                .requestMatchers(HttpMethod.GET, "/api/rulesets/**", "/api/standards")
                .authenticated()
                .anyRequest()
                .authenticated();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Users are checked against their hashes once, then remembered for {@code app.security.verified-for}
     * (see {@link VerifiedCredentials}). Stored hashes are left as configured: no re-encoding on sign-in.
     */
    @Bean
    AuthenticationManager authenticationManager(
            UserDetailsService users,
            PasswordEncoder encoder,
            Clock clock,
            SignInAttempts attempts,
            SignedInAccounts accounts,
            ApplicationEventPublisher events,
            @Value("${app.security.verified-for:5m}") Duration verifiedFor) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(new VerifiedCredentials(
                passwords, verifiedFor, clock, attempts::failed, attempts::succeeded, accounts::version));
        // Failures (locked, disabled) as Spring Security's events, for the audit trail (SignInRefusals).
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    /** A changed account (password, roles, lock) is checked in full at its next request. */
    @Bean
    ApplicationListener<PayloadApplicationEvent<AccountChanged>> forgetChangedAccounts(
            AuthenticationManager authenticationManager) {
        VerifiedCredentials verified = (VerifiedCredentials)
                ((ProviderManager) authenticationManager).getProviders().get(0);
        return ApplicationListener.forPayload(verified::forget);
    }

    private static void write(
            JsonMapper json, HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ApiProblems.problem(status, title, detail));
    }
}
