package org.wattwatch.scoring.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.wattwatch.access.ProblemResponses;
import org.wattwatch.scoring.model.ModelRegistry;

/**
 * No request body can exhaust the service's memory: a model upload may be as large as the models
 * topic takes, anything else {@value #OTHER_BYTES} bytes. A declared length beyond that is refused
 * here before a byte is read (413 problem naming the body); a body that streams on past it is cut off
 * there, and {@link ProblemHandler} answers the failed read the same way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodyLimit extends OncePerRequestFilter {

    static final long OTHER_BYTES = 1024 * 1024;
    static final String TOO_LARGE = "Request body too large";

    static long limitFor(HttpServletRequest request) {
        return "PUT".equals(request.getMethod()) && request.getRequestURI().startsWith("/api/models/")
                ? ModelRegistry.MAX_MODEL_BYTES : OTHER_BYTES;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(response, limit, declared + " bytes");
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    static String tooLargeMessage(long limit, String was) {
        return "at most " + limit + " bytes, was " + was;
    }

    private static void tooLarge(HttpServletResponse response, long limit, String was) throws IOException {
        ProblemResponses.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, TOO_LARGE, "body",
                tooLargeMessage(limit, was));
    }

    /**
     * Thrown by the body's stream once it passes the limit. Unchecked, so that it passes through what
     * reads the body (a controller's own IOException handler among them) to {@link ProblemHandler}.
     */
    static final class BodyTooLargeException extends RuntimeException {

        private final long limit;

        BodyTooLargeException(long limit) {
            super("request body beyond " + limit + " bytes");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream limited;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new CountingStream(super.getInputStream(), limit);
            }
            return limited;
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        CountingStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        private int counted(int n) throws BodyTooLargeException {
            if (n > 0) {
                read += n;
                if (read > limit) {
                    throw new BodyTooLargeException(limit);
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return counted(in.read(buffer, offset, length));
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
