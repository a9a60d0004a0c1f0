package cn.fupin.system.audit;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Records an {@link Audited} call's row after its handler returned and before its body is converted and
 * written: if the row cannot be stored, the exception becomes the answer (503 while the database is away, 500
 * otherwise) and the data is not sent. (Pages are audited before rendering by {@link AuditedRequests}, and
 * streamed answers page by page through {@link AuditTrail#beforeEachPage}.)
 */
@ControllerAdvice
class AuditedResponses implements ResponseBodyAdvice<Object> {

    private final AuditedCalls calls;

    AuditedResponses(AuditedCalls calls) {
        this.calls = calls;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return returnType.hasMethodAnnotation(Audited.class);
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (request instanceof ServletServerHttpRequest servlet
                && response instanceof ServletServerHttpResponse answer
                && AuditedCalls.pending(servlet.getServletRequest())) {
            calls.record(
                    servlet.getServletRequest(),
                    returnType.getMethodAnnotation(Audited.class),
                    answer.getServletResponse().getStatus());
        }
        return body;
    }
}
