package org.insight.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Chromium driven over the DevTools protocol with the JDK's own WebSocket client: launched with
 * {@code --remote-debugging-port=0}, its port read from {@code DevToolsActivePort} in its profile directory, one page
 * attached in flat mode. It records every network request and every console error or uncaught exception of the page.
 */
final class HeadlessChromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final List<CompletableFuture<Void>> loads = new CopyOnWriteArrayList<>();
  private String session;

  static Optional<Path> binary() {
    for (String p : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
      if (Files.isExecutable(Path.of(p))) {
        return Optional.of(Path.of(p));
      }
    }
    return Optional.empty();
  }

  HeadlessChromium(Path binary, Path profile) throws Exception {
    process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--remote-debugging-port=0", "--user-data-dir=" + profile, "--window-size=1280,1000", "about:blank")
        .redirectErrorStream(true).redirectOutput(profile.resolveSibling("chromium.log").toFile()).start();
    Path port = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.isRegularFile(port) || Files.readAllLines(port).size() < 2) {
      if (System.nanoTime() > deadline || !process.isAlive()) {
        throw new IllegalStateException("Chromium did not start: " + Files.readString(profile.resolveSibling("chromium.log")));
      }
      Thread.sleep(100);
    }
    List<String> lines = Files.readAllLines(port);
    socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
        .buildAsync(URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim()), new Listener())
        .get(30, TimeUnit.SECONDS);
    String target = send(null, "Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
    session = send(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true)).path("sessionId")
        .asText();
    send(session, "Network.enable", Map.of());
    send(session, "Runtime.enable", Map.of());
    send(session, "Log.enable", Map.of());
    send(session, "Page.enable", Map.of());
    send(session, "Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", 1000, "deviceScaleFactor", 1,
        "mobile", false));
  }

  /** Opens the file and waits for its load event (and a moment for its scripts). */
  void open(Path file) throws Exception {
    requests.clear();
    errors.clear();
    CompletableFuture<Void> loaded = new CompletableFuture<>();
    loads.add(loaded);
    send(session, "Page.navigate", Map.of("url", file.toUri().toString()));
    loaded.get(60, TimeUnit.SECONDS);
    Thread.sleep(500);
  }

  /** The value of a JavaScript expression (made JSON-serialisable by the caller). */
  JsonNode eval(String expression) throws Exception {
    JsonNode r = send(session, "Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    if (r.has("exceptionDetails")) {
      throw new IllegalStateException("the page threw on " + expression + ": " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  /** A screenshot of the page from its top, at most 6,000 pixels of it (Chromium refuses much larger ones). */
  void screenshot(Path png) throws Exception {
    double height = Math.min(6_000, eval("document.documentElement.scrollHeight").asDouble());
    JsonNode r = send(session, "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", 0, "width", 1280, "height", height, "scale", 1)));
    Files.write(png, Base64.getDecoder().decode(r.path("data").asText()));
  }

  /** A screenshot of the element {@code selector} selects (the first one). */
  void screenshot(Path png, String selector) throws Exception {
    JsonNode box = eval("(() => { const r = document.querySelector('" + selector + "').getBoundingClientRect();"
        + " return {x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height}; })()");
    Map<String, Object> clip = Map.of("x", box.path("x").asDouble(), "y", box.path("y").asDouble(), "width",
        box.path("width").asDouble(), "height", box.path("height").asDouble(), "scale", 1);
    JsonNode r = send(session, "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
        "clip", clip));
    Files.write(png, Base64.getDecoder().decode(r.path("data").asText()));
  }

  List<String> requests() {
    return new ArrayList<>(requests);
  }

  List<String> errors() {
    return new ArrayList<>(errors);
  }

  private JsonNode send(String sessionId, String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", JSON.valueToTree(params));
    if (sessionId != null) {
      message.put("sessionId", sessionId);
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    socket.sendText(JSON.writeValueAsString(message), true).get(30, TimeUnit.SECONDS);
    JsonNode r = reply.get(60, TimeUnit.SECONDS);
    if (r.has("error")) {
      throw new IllegalStateException(method + " failed: " + r.get("error"));
    }
    return r.path("result");
  }

  private void receive(String text) throws IOException {
    JsonNode m = JSON.readTree(text);
    if (m.has("id")) {
      CompletableFuture<JsonNode> reply = pending.remove(m.get("id").asInt());
      if (reply != null) {
        reply.complete(m);
      }
      return;
    }
    JsonNode p = m.path("params");
    switch (m.path("method").asText()) {
      case "Network.requestWillBeSent" -> requests.add(p.path("request").path("url").asText());
      case "Runtime.consoleAPICalled" -> {
        if (p.path("type").asText().equals("error") || p.path("type").asText().equals("assert")) {
          errors.add("console: " + p.path("args"));
        }
      }
      case "Runtime.exceptionThrown" -> errors.add("exception: " + p.path("exceptionDetails"));
      case "Log.entryAdded" -> {
        if (p.path("entry").path("level").asText().equals("error")) {
          errors.add("log: " + p.path("entry").path("text").asText());
        }
      }
      case "Page.loadEventFired" -> loads.forEach(f -> f.complete(null));
      default -> { }
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          receive(text);
        } catch (IOException e) {
          errors.add("protocol: " + e);
        }
      }
      ws.request(1);
      return null;
    }
  }

  @Override
  public void close() throws Exception {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // the browser goes anyway
    }
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  static String utf8(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
