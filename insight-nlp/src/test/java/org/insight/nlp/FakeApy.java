package org.insight.nlp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process stand-in for Apertium APY: {@code /listPairs} and {@code /translate} with word-for-word
 * dictionaries, unknown words marked {@code *} as Apertium does. Records every translate request.
 */
final class FakeApy implements AutoCloseable {
  record Request(String langpair, String q) {}

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}*]+");

  final List<Request> requests = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private final Map<String, Map<String, String>> dictionaries;
  volatile long delayMillis;

  FakeApy(Map<String, Map<String, String>> dictionaries) throws IOException {
    this.dictionaries = dictionaries;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/listPairs", this::listPairs);
    server.createContext("/translate", this::translate);
    server.start();
  }

  /** French → Spanish and Spanish ↔ English, as the Debian packages give. */
  static FakeApy debianLike() throws IOException {
    return new FakeApy(Map.of(
        "fra|spa", Map.of("la", "la", "maison", "casa", "est", "es", "grande", "grande", "le", "el",
            "suspect", "sospechoso", "a", "ha", "pris", "tomado", "train", "tren"),
        "spa|eng", Map.of("la", "the", "casa", "house", "es", "is", "grande", "big", "el", "the",
            "sospechoso", "suspect", "ha", "has", "tomado", "taken", "tren", "train"),
        "eng|spa", Map.of("the", "el", "house", "casa")));
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void listPairs(HttpExchange ex) throws IOException {
    StringBuilder sb = new StringBuilder("{\"responseData\": [");
    boolean first = true;
    for (String pair : dictionaries.keySet()) {
      String[] p = pair.split("\\|");
      sb.append(first ? "" : ", ").append("{\"sourceLanguage\": \"").append(p[0])
          .append("\", \"targetLanguage\": \"").append(p[1]).append("\"}");
      first = false;
    }
    sb.append("], \"responseDetails\": null, \"responseStatus\": 200}");
    send(ex, 200, sb.toString());
  }

  private void translate(HttpExchange ex) throws IOException {
    Map<String, String> form = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String pair = form.getOrDefault("langpair", "");
    String q = form.getOrDefault("q", "");
    requests.add(new Request(pair, q));
    if (delayMillis > 0) {
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Map<String, String> dict = dictionaries.get(pair);
    if (dict == null) {
      send(ex, 400, "{\"status\": \"error\", \"code\": 400, \"message\": \"Bad Request\","
          + " \"explanation\": \"That pair is not installed\"}");
      return;
    }
    Matcher m = WORD.matcher(q);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      out.append(q, last, m.start());
      String w = m.group();
      String t = dict.get(w.toLowerCase(Locale.ROOT));
      out.append(t != null ? t : "*" + w); // Apertium marks again what is already marked: **word
      last = m.end();
    }
    out.append(q.substring(last));
    send(ex, 200, "{\"responseData\": {\"translatedText\": " + quote(out.toString())
        + "}, \"responseDetails\": null, \"responseStatus\": 200}");
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new HashMap<>();
    for (String kv : body.split("&")) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
