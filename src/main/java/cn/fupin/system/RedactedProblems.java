package cn.fupin.system;

import java.net.URI;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every problem document leaves with its {@code detail} and {@code instance} (the request's path, which a
 * client may have typed with an ID number in it) redacted of ID numbers.
 */
@RestControllerAdvice
class RedactedProblems implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            problem.setDetail(PersonalData.redact(problem.getDetail()));
            URI instance = problem.getInstance() != null
                    ? problem.getInstance()
                    : URI.create(request.getURI().getRawPath());
            problem.setInstance(URI.create(PersonalData.redact(instance.toString())));
        }
        return body;
    }
}
