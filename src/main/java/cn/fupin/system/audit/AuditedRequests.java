package cn.fupin.system.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Records every call of an {@link Audited} endpoint that did not record itself: a page (the 明白卡) before it
 * is rendered, and at the end whatever is left, refused and failed calls with their status as outcome, so a
 * case worker probing other counties' households leaves a trace of each 404. Answers with a body are
 * recorded before it is written by {@link AuditedResponses}.
 */
@Configuration(proxyBeanMethods = false)
class AuditedRequests implements WebMvcConfigurer, HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AuditedRequests.class);

    private final AuditedCalls calls;

    AuditedRequests(AuditedCalls calls) {
        this.calls = calls;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    /** A view is rendered after this: its row is stored first, or the failure is the answer. */
    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView modelAndView) {
        Audited audited = audited(handler);
        if (audited != null && modelAndView != null && AuditedCalls.pending(request)) {
            calls.record(request, audited, response.getStatus());
        }
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        Audited audited = audited(handler);
        if (audited == null || !AuditedCalls.pending(request)) {
            return;
        }
        int status = ex != null && response.getStatus() < 400 ? 500 : response.getStatus();
        try {
            calls.record(request, audited, status);
        } catch (RuntimeException e) {
            // The answer is sent already (a refusal or a failure, no data): the class only, as the message may
            // quote what was being stored.
            log.warn(
                    "The audit row of a refused or failed call could not be stored: {}",
                    e.getClass().getName());
        }
    }

    private static Audited audited(Object handler) {
        return handler instanceof HandlerMethod method ? method.getMethodAnnotation(Audited.class) : null;
    }
}
