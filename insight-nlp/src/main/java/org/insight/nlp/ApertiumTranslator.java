package org.insight.nlp;

import static org.insight.BuilderGuard.requireUnset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.insight.nlp.internal.LanguageCodes;
import org.insight.nlp.internal.TextChunker;

/**
 * A {@link Translator} over an Apertium APY HTTP service ({@code apertium-apy} with installed language pairs).
 *
 * <p>The pairs are discovered from APY's {@code /listPairs} on first use and kept; a failed discovery is retried on
 * the next call. Where APY has no direct pair the text goes through a pivot: the shortest chain of installed pairs,
 * Spanish preferred (French → English is {@code fra → spa → eng} with the Debian packages {@code apertium-fr-es} and
 * {@code apertium-eng-spa}).
 *
 * <p>Long texts are sent in chunks of at most {@link Builder#maxChunkChars} chars, cut at paragraph breaks, then
 * sentence ends, then blanks; the breaks and blanks between chunks are copied through unchanged. Apertium marks words
 * it does not know with {@code *}: those marks are removed from the result (and between pivot legs, so the second leg
 * sees plain text) and the words are reported in {@link Translation#unknownWords()}, unless
 * {@link Builder#keepUnknownMarks} asks to keep them.
 *
 * <p>Text sent to the service leaves this process, so by default only a loopback URL ({@code 127.0.0.1},
 * {@code [::1]}, {@code localhost}) is accepted; {@link Builder#allowRemote} lifts that deliberately.
 *
 * <p>Thread-safe.
 */
public final class ApertiumTranslator implements Translator {

  /** The engine name in provenance methods. */
  public static final String NAME = "apertium";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> PREFERRED_PIVOTS = List.of("spa", "eng", "cat", "fra");
  // the engine's unknown-word mark (*), and the generation (#) and transfer (@) error marks, glued to a word
  private static final Pattern MARKED = Pattern.compile("(?<![\\p{L}\\p{N}*#@])([*#@]+)([\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}'’-]*)");

  private final URI base;
  private final Duration requestTimeout;
  private final int maxChunkChars;
  private final String engine;
  private final boolean keepUnknownMarks;
  private final HttpClient http;
  private volatile Set<LanguagePair> direct; // null until discovered

  private ApertiumTranslator(Builder b) {
    String u = b.url.toString();
    this.base = URI.create(u.endsWith("/") ? u : u + "/");
    this.requestTimeout = b.requestTimeout;
    this.maxChunkChars = b.maxChunkChars;
    this.engine = NAME + "@" + b.engineVersion;
    this.keepUnknownMarks = b.keepUnknownMarks;
    this.http = HttpClient.newBuilder().connectTimeout(b.connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * A builder for the APY service at {@code url}, e.g. {@code http://127.0.0.1:2737}.
   *
   * @param url the service's base URL (http or https)
   */
  public static Builder builder(URI url) {
    return new Builder(url);
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The service's base URL. */
  public URI url() {
    return base;
  }

  /** The pairs APY has installed, without pivots, as it lists them at {@code /listPairs}. */
  public Set<LanguagePair> directPairs() {
    Set<LanguagePair> d = direct;
    if (d == null) {
      synchronized (this) {
        d = direct;
        if (d == null) {
          d = discover();
          direct = d;
        }
      }
    }
    return d;
  }

  @Override
  public Set<LanguagePair> pairs() {
    Set<LanguagePair> d = directPairs();
    Set<String> languages = new LinkedHashSet<>();
    d.forEach(p -> {
      languages.add(p.from());
      languages.add(p.to());
    });
    Set<LanguagePair> out = new LinkedHashSet<>();
    for (String a : languages) {
      for (String b : languages) {
        if (!a.equals(b) && route(d, a, b) != null) {
          out.add(new LanguagePair(a, b));
        }
      }
    }
    return Collections.unmodifiableSet(out);
  }

  @Override
  public boolean supports(String from, String to) {
    LanguagePair p = LanguagePair.of(from, to);
    return route(directPairs(), p.from(), p.to()) != null;
  }

  /**
   * The languages a text from {@code from} to {@code to} would go through ({@code [fra, spa, eng]}).
   *
   * @throws UnsupportedLanguagePairException if there is no route
   */
  public List<String> path(String from, String to) {
    LanguagePair p = LanguagePair.of(from, to);
    List<String> path = route(directPairs(), p.from(), p.to());
    if (path == null) {
      throw new UnsupportedLanguagePairException(p.from(), p.to(), pairs());
    }
    return path;
  }

  @Override
  public Translation translate(String text, String from, String to) {
    Objects.requireNonNull(text, "text");
    List<String> path = path(from, to);
    Set<String> unknown = new LinkedHashSet<>();
    StringBuilder out = new StringBuilder(text.length() + 16);
    int copied = 0;
    for (int[] chunk : TextChunker.chunks(text, maxChunkChars)) {
      out.append(text, copied, chunk[0]); // the breaks and blanks between chunks, as they were
      String current = text.substring(chunk[0], chunk[1]);
      for (int leg = 0; leg + 1 < path.size(); leg++) {
        String marked = request(current, path.get(leg), path.get(leg + 1));
        boolean last = leg + 2 == path.size();
        current = unmark(current, marked, unknown, last && keepUnknownMarks);
      }
      out.append(current);
      copied = chunk[1];
    }
    out.append(text, copied, text.length());
    return new Translation(out.toString(), path.get(0), path.get(path.size() - 1), engine, path,
        new ArrayList<>(unknown));
  }

  /** Removes the engine's marks that were not in its input, noting the words marked unknown. */
  private static String unmark(String input, String output, Set<String> unknown, boolean keep) {
    Matcher m = MARKED.matcher(output);
    StringBuilder sb = new StringBuilder(output.length());
    int last = 0;
    while (m.find()) {
      String marks = m.group(1);
      String word = m.group(2);
      // the engine adds one mark in front; a lone mark already in the input (#hashtag, @handle) is the text's own
      if (marks.length() == 1 && input.contains(m.group())) {
        continue;
      }
      if (marks.charAt(0) == '*') {
        unknown.add(marks.substring(1) + word);
      }
      if (!keep) {
        sb.append(output, last, m.start()).append(marks, 1, marks.length()).append(word);
        last = m.end();
      }
    }
    return sb.append(output, last, output.length()).toString();
  }

  private String request(String text, String from, String to) {
    String body = "langpair=" + enc(from + "|" + to) + "&markUnknown=yes&q=" + enc(text);
    JsonNode json = call("translate", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    JsonNode translated = json.path("responseData").path("translatedText");
    if (!translated.isTextual()) {
      throw new TranslationException("Apertium APY at " + base + " answered " + from + ">" + to
          + " without responseData.translatedText: is this an APY service?");
    }
    return translated.asText();
  }

  private Set<LanguagePair> discover() {
    JsonNode json = call("listPairs", null);
    JsonNode data = json.path("responseData");
    if (!data.isArray()) {
      throw new TranslationException("Apertium APY at " + base + " answered /listPairs without a responseData list:"
          + " is this an APY service?");
    }
    Set<LanguagePair> pairs = new LinkedHashSet<>();
    for (JsonNode p : data) {
      String s = p.path("sourceLanguage").asText("");
      String t = p.path("targetLanguage").asText("");
      try {
        pairs.add(new LanguagePair(s, t));
      } catch (IllegalArgumentException e) {
        // a pair in a code we cannot name (a private-use variant) cannot be asked for anyway
      }
    }
    return Collections.unmodifiableSet(pairs);
  }

  private JsonNode call(String endpoint, HttpRequest.BodyPublisher form) {
    URI uri = base.resolve(endpoint);
    HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Accept", "application/json");
    if (form != null) {
      rb.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8").POST(form);
    }
    HttpResponse<String> response;
    try {
      response = http.send(rb.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new TranslatorUnavailableException("Apertium APY at " + base + " did not answer /" + endpoint + " within "
          + requestTimeout.toMillis() + " ms: check that it is running (scripts/apy start) or raise the timeout", e);
    } catch (IOException e) {
      throw new TranslatorUnavailableException("Apertium APY at " + base + " cannot be reached (" + e + "): start it"
          + " with scripts/apy start, or give the right URL (--apy or INSIGHT_APY_URL)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TranslatorUnavailableException("interrupted while waiting for Apertium APY at " + base, e);
    }
    JsonNode json;
    try {
      json = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new TranslationException("Apertium APY at " + base + " answered /" + endpoint + " with HTTP "
          + response.statusCode() + " and a body that is not JSON: is this an APY service?", e);
    }
    if (response.statusCode() != 200) {
      String why = json.path("explanation").asText(json.path("message").asText("no explanation"));
      if (why.contains("not installed")) {
        direct = null; // the service's pairs changed under us: discover again next time
      }
      throw new TranslationException("Apertium APY at " + base + " refused /" + endpoint + " with HTTP "
          + response.statusCode() + ": " + why);
    }
    return json;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The shortest chain of installed pairs from {@code from} to {@code to}, preferred pivots first; null if none. */
  static List<String> route(Set<LanguagePair> pairs, String from, String to) {
    if (from.equals(to)) {
      return null;
    }
    Map<String, List<String>> next = new HashMap<>();
    for (LanguagePair p : pairs) {
      next.computeIfAbsent(p.from(), k -> new ArrayList<>()).add(p.to());
    }
    next.values().forEach(list -> list.sort((a, b) -> Integer.compare(rank(a), rank(b))));
    Map<String, String> previous = new HashMap<>();
    ArrayDeque<String> queue = new ArrayDeque<>(List.of(from));
    previous.put(from, from);
    while (!queue.isEmpty()) {
      String at = queue.poll();
      for (String n : next.getOrDefault(at, List.of())) {
        if (previous.putIfAbsent(n, at) != null) {
          continue;
        }
        if (n.equals(to)) {
          List<String> path = new ArrayList<>();
          for (String s = to; !s.equals(from); s = previous.get(s)) {
            path.add(0, s);
          }
          path.add(0, from);
          return path.size() <= MAX_LEGS + 1 ? List.copyOf(path) : null;
        }
        queue.add(n);
      }
    }
    return null;
  }

  private static final int MAX_LEGS = 3; // each leg loses some meaning; beyond three the result is not worth having

  private static int rank(String language) {
    int i = PREFERRED_PIVOTS.indexOf(language);
    return i < 0 ? PREFERRED_PIVOTS.size() : i;
  }

  /** Builds an {@link ApertiumTranslator}; each setting may be given once. */
  public static final class Builder {
    private final URI url;
    private Duration connectTimeout = Duration.ofSeconds(2);
    private boolean connectTimeoutSet;
    private Duration requestTimeout = Duration.ofSeconds(30);
    private boolean requestTimeoutSet;
    private int maxChunkChars = 4_000;
    private boolean maxChunkCharsSet;
    private String engineVersion = "unversioned";
    private boolean engineVersionSet;
    private boolean keepUnknownMarks;
    private boolean allowRemote;

    private Builder(URI url) {
      Objects.requireNonNull(url, "url");
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
        throw new IllegalArgumentException("the APY URL must be http(s)://host:port, got '" + url + "'");
      }
      this.url = url;
    }

    /** How long to wait for a connection (2 s by default). */
    public Builder connectTimeout(Duration d) {
      requireUnset(connectTimeoutSet, "connectTimeout", connectTimeout);
      connectTimeout = positive(d, "connectTimeout");
      connectTimeoutSet = true;
      return this;
    }

    /** How long to wait for each answer, per chunk and leg (30 s by default). */
    public Builder requestTimeout(Duration d) {
      requireUnset(requestTimeoutSet, "requestTimeout", requestTimeout);
      requestTimeout = positive(d, "requestTimeout");
      requestTimeoutSet = true;
      return this;
    }

    /** The most chars sent in one request (4,000 by default; at least 100). */
    public Builder maxChunkChars(int max) {
      requireUnset(maxChunkCharsSet, "maxChunkChars", maxChunkChars);
      if (max < 100) {
        throw new IllegalArgumentException("maxChunkChars must be at least 100, got " + max);
      }
      maxChunkChars = max;
      maxChunkCharsSet = true;
      return this;
    }

    /**
     * The engine version written into provenance ({@code translate:apertium@3.8.3:...}); APY does not report it, so
     * give the installed package's (for Debian: {@code dpkg-query -W -f='${Version}' apertium}).
     */
    public Builder engineVersion(String version) {
      requireUnset(engineVersionSet, "engineVersion", engineVersion);
      if (version == null || !version.matches("[A-Za-z0-9.+~_-]{1,64}")) {
        throw new IllegalArgumentException("engineVersion must be 1-64 of [A-Za-z0-9.+~_-], got '" + version + "'");
      }
      engineVersion = version;
      engineVersionSet = true;
      return this;
    }

    /** Keep the engine's {@code *} marks on unknown words in the result (they are removed by default). */
    public Builder keepUnknownMarks() {
      keepUnknownMarks = true;
      return this;
    }

    /** Accept a URL that is not a loopback address: the text to translate will leave this machine. */
    public Builder allowRemote() {
      allowRemote = true;
      return this;
    }

    /**
     * The translator. Nothing is contacted yet: pairs are discovered on first use.
     *
     * @throws IllegalArgumentException if the URL is not a loopback address and {@link #allowRemote} was not called
     */
    public ApertiumTranslator build() {
      if (!allowRemote && !isLoopback(url.getHost())) {
        throw new IllegalArgumentException("the APY URL " + url + " is not a loopback address, so the text to translate"
            + " would leave this machine: run APY locally (scripts/apy start) or call allowRemote() deliberately");
      }
      return new ApertiumTranslator(this);
    }

    private static boolean isLoopback(String host) {
      String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
      if (h.equalsIgnoreCase("localhost")) {
        return true;
      }
      if (!h.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
        return false; // a name: resolving it here would be a lookup the caller did not ask for
      }
      try {
        return InetAddress.getByName(h).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }

    private static Duration positive(Duration d, String what) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, got " + d);
      }
      return d;
    }
  }
}
