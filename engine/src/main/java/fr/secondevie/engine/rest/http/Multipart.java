package fr.secondevie.engine.rest.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a {@code multipart/form-data} body (RFC 7578) into its parts. */
public final class Multipart {

  private static final Pattern BOUNDARY =
      Pattern.compile("boundary=(\"([^\"]+)\"|([^;\\s]+))", Pattern.CASE_INSENSITIVE);
  private static final Pattern NAME = Pattern.compile("[; ]name=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

  /** One part: its form field name, its file name (null for text fields) and its content. */
  public record Part(String name, String filename, byte[] content) {
    public String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  private Multipart() {}

  public static List<Part> parse(String contentType, byte[] body) {
    if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw ApiException.badRequest(
          "Expected a multipart/form-data request, but the content type was '" + contentType + "'");
    }
    Matcher boundaryMatcher = BOUNDARY.matcher(contentType);
    if (!boundaryMatcher.find()) {
      throw ApiException.badRequest("Expected a boundary in the multipart content type");
    }
    String boundary =
        boundaryMatcher.group(2) != null ? boundaryMatcher.group(2) : boundaryMatcher.group(3);
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    List<Part> parts = new ArrayList<>();
    int position = indexOf(body, delimiter, 0);
    if (position < 0) {
      throw ApiException.badRequest("Expected multipart content, but found no boundary");
    }
    while (true) {
      int start = position + delimiter.length;
      if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
        break; // closing delimiter
      }
      start = skipLineBreak(body, start);
      int next = indexOf(body, delimiter, start);
      if (next < 0) {
        throw ApiException.badRequest("Expected a closing multipart boundary, but found none");
      }
      int end = next;
      if (end >= 2 && body[end - 2] == '\r' && body[end - 1] == '\n') {
        end -= 2;
      } else if (end >= 1 && body[end - 1] == '\n') {
        end -= 1;
      }
      parts.add(part(Arrays.copyOfRange(body, start, Math.max(start, end))));
      position = next;
    }
    return parts;
  }

  private static Part part(byte[] raw) {
    int headerEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
    int separator = 4;
    if (headerEnd < 0) {
      headerEnd = indexOf(raw, "\n\n".getBytes(StandardCharsets.ISO_8859_1), 0);
      separator = 2;
    }
    if (headerEnd < 0) {
      throw ApiException.badRequest("Expected headers in every multipart part, but one has none");
    }
    String headerText = new String(raw, 0, headerEnd, StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : headerText.split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
    }
    String disposition = headers.getOrDefault("content-disposition", "");
    Matcher name = NAME.matcher(" " + disposition);
    Matcher filename = FILENAME.matcher(disposition);
    return new Part(
        name.find() ? name.group(1) : null,
        filename.find() ? filename.group(1) : null,
        Arrays.copyOfRange(raw, headerEnd + separator, raw.length));
  }

  private static int skipLineBreak(byte[] body, int index) {
    if (index < body.length && body[index] == '\r') {
      index++;
    }
    if (index < body.length && body[index] == '\n') {
      index++;
    }
    return index;
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
