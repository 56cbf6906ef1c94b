package fr.secondevie.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than its limit with {@code 413}, before anything reads it (login,
 * CSRF, controllers): {@code application/problem+json} on {@code /api/**}, the French error page
 * elsewhere. Multipart uploads are bounded by the multipart limit (each upload kind then checks its
 * own files); every other body (JSON, text, forms) by a smaller one, except the wipe-report API,
 * whose logs may reach {@code WipeReportIntake.MAX_BYTES}. A body sent without {@code
 * Content-Length} (chunked) is read up to its limit, never further.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

  static final String WIPE_REPORT_API = "/api/sanitization/reports";

  private final long bodyLimit;
  private final long wipeReportLimit;
  private final long multipartLimit;

  RequestSizeLimitFilter(long bodyLimit, long wipeReportLimit, long multipartLimit) {
    this.bodyLimit = bodyLimit;
    this.wipeReportLimit = wipeReportLimit;
    this.multipartLimit = multipartLimit;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = limitOf(request);
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      refuse(request, response, limit);
      return;
    }
    if (declared < 0 && chunked(request) && !multipart(request) && !form(request)) {
      // no length announced: read at most limit + 1 bytes, then replay them
      byte[] body =
          request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE));
      if (body.length > limit) {
        refuse(request, response, limit);
        return;
      }
      chain.doFilter(new BufferedBody(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  private long limitOf(HttpServletRequest request) {
    if (multipart(request)) {
      return multipartLimit;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals(WIPE_REPORT_API) || path.equals(WIPE_REPORT_API + "/")) {
      return wipeReportLimit;
    }
    return bodyLimit;
  }

  private static boolean chunked(HttpServletRequest request) {
    String encoding = request.getHeader("Transfer-Encoding");
    return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
  }

  private static boolean multipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  private static boolean form(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null
        && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, long limit)
      throws IOException {
    String detail =
        "Le corps de la requête dépasse la limite de %s : rien n'a été lu ni enregistré."
            .formatted(readable(limit));
    String path = request.getRequestURI().substring(request.getContextPath().length());
    // the rest of the body is not read: the connection is closed after the answer
    response.setHeader("Connection", "close");
    if (path.startsWith("/api/")) {
      response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response
          .getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\"Requête trop volumineuse\",\"status\":413,"
                  + "\"detail\":\""
                  + detail
                  + "\",\"limitBytes\":"
                  + limit
                  + "}");
      return;
    }
    request.setAttribute("jakarta.servlet.error.message", detail);
    response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value(), detail);
  }

  /** 1 048 576 → « 1 Mio », 5 242 880 → « 5 Mio », 51 MB → « 51 000 000 octets ». */
  static String readable(long bytes) {
    if (bytes % (1024 * 1024) == 0) {
      return (bytes / (1024 * 1024)) + " Mio";
    }
    if (bytes % 1024 == 0) {
      return (bytes / 1024) + " Kio";
    }
    return String.format(Locale.FRANCE, "%,d octets", bytes)
        .replace('\u202f', ' ')
        .replace('\u00a0', ' ');
  }

  /** The request with its body already read into memory (at most the limit). */
  private static final class BufferedBody extends HttpServletRequestWrapper {

    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      InputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return false;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
