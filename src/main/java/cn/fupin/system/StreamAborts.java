package cn.fupin.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * An answer that fails after it was committed (a streamed export or CSV list, part of it sent) is aborted:
 * the connection is closed without the end of the chunked body, so the client sees a truncated download and
 * not a short one that ends cleanly. Left to the usual handling, a timeout mid-stream (AsyncRequestTimeout)
 * would end the stream as if it were whole. Runs before every other resolver; an answer not yet committed is
 * left to them ({@link ApiProblems}). Tomcat closes the connection on an error escaping a committed response.
 */
@Configuration(proxyBeanMethods = false)
class StreamAborts implements WebMvcConfigurer, HandlerExceptionResolver {

    private static final Logger log = LoggerFactory.getLogger(StreamAborts.class);
    private static final DisconnectedClientHelper disconnected =
            new DisconnectedClientHelper(StreamAborts.class.getName());

    /** Thrown to the container in place of the failure, whose message may quote personal data. */
    static final class StreamAborted extends RuntimeException {
        StreamAborted() {
            super("The answer failed after it was committed; the connection is aborted", null, false, false);
        }
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, this);
    }

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!response.isCommitted()) {
            return null;
        }
        if (!disconnected.checkAndLogClientDisconnectedException(ex)) {
            log.error(
                    "{} {}: the answer failed after it was committed and is cut off: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    SafeTrace.of(ex));
        }
        throw new StreamAborted();
    }
}
