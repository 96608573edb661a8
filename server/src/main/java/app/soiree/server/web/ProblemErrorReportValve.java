package app.soiree.server.web;

import app.soiree.api.error.ErrorCode;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's own error answer, for what fails before Spring sees the request (an oversized header, a
 * request line Tomcat cannot parse): problem+json with a code instead of Tomcat's HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final String TOO_LARGE_HEADER = "Request header is too large";

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ProblemDetail problem = problemFor(status, throwable);
        try {
            response.setSuspended(false);
            response.resetBuffer();
            ProblemDetails.write(response, problem);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client is gone, or the response was committed meanwhile: nothing more can be said.
        }
    }

    static ProblemDetail problemFor(int status, Throwable throwable) {
        if (isTooLargeHeader(throwable)) {
            return ProblemDetails.of(ErrorCode.REQUEST_HEADER_TOO_LARGE, "The request headers are larger than this server accepts.");
        }
        return ProblemErrorController.problemFor(status, null);
    }

    private static boolean isTooLargeHeader(Throwable throwable) {
        for (Throwable cause = throwable; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains(TOO_LARGE_HEADER)) {
                return true;
            }
        }
        return false;
    }
}
