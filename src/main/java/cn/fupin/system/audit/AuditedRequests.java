package cn.fupin.system.audit;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Records every call of an {@link Audited} endpoint that did not record itself: reads (one row per household
 * the handler reported, or the one in the path) and refused or failed calls, with their status as outcome, so
 * a case worker probing other counties' households leaves a trace of each 404.
 */
@Configuration(proxyBeanMethods = false)
class AuditedRequests implements WebMvcConfigurer, HandlerInterceptor {

    private final AuditTrail trail;

    AuditedRequests(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        if (!(handler instanceof HandlerMethod method) || request.getAttribute(AuditTrail.AUDITED) != null) {
            return;
        }
        Audited audited = method.getMethodAnnotation(Audited.class);
        if (audited == null) {
            return;
        }
        int status = ex != null && response.getStatus() < 400 ? 500 : response.getStatus();
        HttpStatus resolved = HttpStatus.resolve(status);
        String outcome = resolved == null ? Integer.toString(status) : resolved.name();
        @SuppressWarnings("unchecked")
        List<String> households = status < 400 ? (List<String>) request.getAttribute(AuditTrail.HOUSEHOLDS_READ) : null;
        if (households == null || households.isEmpty()) {
            // A read that found nothing is recorded too: probing by lookup leaves a trace as a 404 does.
            trail.recordAll(audited.value(), java.util.Collections.singletonList(pathHousehold(request)), outcome,
                    households == null ? null : "nothing found");
        } else {
            trail.recordAll(audited.value(), households, outcome, null);
        }
    }

    private static String pathHousehold(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables instanceof java.util.Map<?, ?> map && map.get("householdId") instanceof String id) {
            return id.length() > 64 ? id.substring(0, 64) : id;
        }
        return null;
    }
}
