package cn.fupin.system;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP Basic for every API call, by role: a CASEWORKER previews and records households, POLICY manages
 * rules, ADMIN manages users. Health and the OpenAPI document are open. The demo users of the embedded
 * default have well-known passwords, so any other profile refuses to start while one is still in use.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication // the import command runs the service without a web server, and without users
@EnableConfigurationProperties(SecurityConfiguration.UsersProperties.class)
class SecurityConfiguration {

    /** {@code app.security.users.<name>.password} ({@code {bcrypt}…} or {@code {noop}…}) and roles. */
    @ConfigurationProperties("app.security")
    record UsersProperties(Map<String, Account> users) {
        record Account(String password, List<String> roles) {
        }
    }

    static final List<String> DEMO_PASSWORDS = List.of("caseworker-demo", "policy-demo", "admin-demo");

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
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(SecurityConfiguration::authorize)
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"fupin\"");
                    write(json, response, HttpStatus.UNAUTHORIZED, "Unauthorized", "Sign in with HTTP Basic");
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
    SecurityFilterChain browser(HttpSecurity http, JsonMapper json, AuthenticationManager authenticationManager)
            throws Exception {
        http.authenticationManager(authenticationManager)
                // Without a session a request carries no credentials a forgery could borrow: it is told to sign
                // in (401) rather than refused for a token. The sign-in itself always needs the form's token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        request -> request.getSession(false) == null && !"/login".equals(request.getServletPath())))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/").failureUrl("/login?error").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                .authorizeHttpRequests(SecurityConfiguration::authorize)
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> String.valueOf(request.getHeader(HttpHeaders.ACCEPT)).contains("text/html"))
                        .defaultAuthenticationEntryPointFor((request, response, e) -> {
                            // The dashboard's own calls say who they are: no Basic challenge for them.
                            if (request.getHeader("X-Requested-With") == null) {
                                response.setHeader("WWW-Authenticate", "Basic realm=\"fupin\"");
                            }
                            write(json, response, HttpStatus.UNAUTHORIZED, "Unauthorized", "Sign in with HTTP Basic");
                        }, request -> true)
                        .accessDeniedHandler((request, response, e) -> {
                            if (e instanceof CsrfException) {
                                write(json, response, HttpStatus.FORBIDDEN, "Forbidden",
                                        "The request carries no valid CSRF token of this session");
                            } else {
                                write(json, response, HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this");
                            }
                        }));
        return http.build();
    }

    /** Who may do what: the same for API clients and for the dashboard. */
    private static void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        auth.requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                        "/swagger-ui.html", "/swagger-ui/**", "/error", "/login", "/dashboard.css", "/webjars/**")
                .permitAll()
                .requestMatchers("/actuator/**").hasRole("ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/rulesets/validate", "/api/rulesets/reload").hasRole("POLICY")
                .requestMatchers("/api/reevaluations", "/api/reevaluations/**").hasRole("POLICY")
                .requestMatchers("/api/recommendations", "/api/recommendations/**", "/api/households",
                        "/api/households/**", "/api/evaluations/**").hasRole("CASEWORKER")
                .requestMatchers(HttpMethod.GET, "/api/rulesets/**", "/api/standards").authenticated()
                .anyRequest().authenticated();
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
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder, Clock clock,
            @Value("${app.security.verified-for:5m}") Duration verifiedFor) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new ProviderManager(new VerifiedCredentials(passwords, verifiedFor, clock));
    }

    @Bean
    UserDetailsService users(UsersProperties properties, PasswordEncoder encoder, Environment environment) {
        Map<String, UsersProperties.Account> accounts = properties.users() == null ? Map.of() : properties.users();
        boolean embeddedDefault = java.util.Arrays.stream(environment.getActiveProfiles()).allMatch("default"::equals);
        if (!embeddedDefault) {
            refuseDefaultPasswords(accounts, encoder);
        }
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
        accounts.forEach((name, account) -> manager.createUser(User.withUsername(name)
                .password(account.password()).roles(account.roles().toArray(String[]::new)).build()));
        return manager;
    }

    private static void refuseDefaultPasswords(Map<String, UsersProperties.Account> accounts, PasswordEncoder encoder) {
        if (accounts.isEmpty()) {
            throw new IllegalStateException("No users are configured: set app.security.users.<name>.password and roles");
        }
        accounts.forEach((name, account) -> {
            String password = account.password();
            if (password == null || password.isBlank()
                    || DEMO_PASSWORDS.stream().anyMatch(demo -> encoder.matches(demo, password))) {
                throw new IllegalStateException("User '" + name + "' still has a default password; outside the "
                        + "embedded default set app.security.users." + name + ".password (e.g. a {bcrypt} hash)");
            }
        });
    }

    private static void write(JsonMapper json, HttpServletResponse response, HttpStatus status, String title,
                              String detail) throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ApiProblems.problem(status, title, detail));
    }
}
