package org.insight.ingest.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaMemoryLimitException;
import org.apache.tika.exception.UnsupportedFormatException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.apache.tika.sax.WriteOutContentHandler;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.insight.Hashing;

/**
 * Extracts one item with Tika (and Tesseract where a page or image has no text), recursing into embedded
 * items itself so that each gets its own text, hash, bytes and outcome. Runs inside a worker process; it never
 * throws for bad content (the item is quarantined) — only errors (out of memory) escape, and kill the worker.
 *
 * <p>Thread-safe: a worker process uses one at a time, an in-process engine may share it.
 */
public final class TikaWorker {
  /** Test hook, off unless this system property is "true": names ending in .hang-test hang, .oom-test exhaust the heap. */
  public static final String TEST_HOOKS = "insight.ingest.testHooks";
  private static final int OCR_DPI = 300;
  private static final long MAX_OCR_PIXELS = 120_000_000L;
  /** A PDF page with fewer visible characters than this has no text layer worth the name and is OCR'd. */
  private static final int MIN_PAGE_CHARS = 3;

  private final AutoDetectParser parser = new AutoDetectParser();
  private final boolean testHooks = Boolean.getBoolean(TEST_HOOKS);
  // built once: their constructors read property files, which cost more than parsing a small item
  private final TesseractOCRConfig tikaOcr = new TesseractOCRConfig();
  private final PDFParserConfig pdfConfig = new PDFParserConfig();

  public TikaWorker() {
    tikaOcr.setSkipOcr(true); // OCR is ours (Tess4J in this process), never Tika's command-line call
    pdfConfig.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
    pdfConfig.setExtractInlineImages(false);
  }

  /** Extracts {@code request}'s item; never throws for the item's content. */
  public Node extract(Request request) {
    Path file = Path.of(request.file());
    Node root = new Node();
    root.name = request.name();
    root.bytesFile = request.file();
    State state = new State(request);
    try {
      root.size = Files.size(file);
    } catch (IOException e) {
      return root.quarantine("UNREADABLE", "the file could not be read: " + e.getMessage());
    }
    state.expansionBudget = (long) Math.max(Limits.RATIO_FLOOR_BYTES,
        Math.min(Long.MAX_VALUE / 2.0, request.limits().maxCompressionRatio() * root.size));
    try (InputStream in = Files.newInputStream(file)) {
      root.sha256 = hashOnly(in);
    } catch (IOException e) {
      return root.quarantine("UNREADABLE", "the file could not be read: " + e.getMessage());
    }
    if (root.size > request.limits().maxBytes()) {
      root.mediaType = detectQuietly(Spool.Bytes.of(file), root.name);
      return root.quarantine("TOO_LARGE", "the item is " + root.size + " bytes, over the maximum of "
          + request.limits().maxBytes() + "; raise TikaExtractor.Builder.maxBytes to extract it");
    }
    parseInto(root, Spool.Bytes.of(file), 0, state);
    if (state.abort != null && !root.isQuarantined()) {
      root.quarantine("LIMIT_EXCEEDED", state.abort);
    }
    return root;
  }

  private void parseInto(Node node, Spool.Bytes file, int depth, State state) {
    Metadata md = new Metadata();
    md.set(TikaCoreProperties.RESOURCE_NAME_KEY, node.name);
    WriteOutContentHandler out = new WriteOutContentHandler(state.request.limits().maxTextChars());
    PageCounter pages = new PageCounter(new BodyContentHandler(out));
    ParseContext context = new ParseContext();
    context.set(TesseractOCRConfig.class, tikaOcr);
    context.set(PDFParserConfig.class, pdfConfig);
    context.set(EmbeddedDocumentExtractor.class, new Embedded(node, md, depth, state));
    Throwable failure = null;
    try (TikaInputStream in = file.open(md)) {
      testHook(node.name);
      parser.parse(in, pages, md, context); // detects the type itself and records it in md: not detected twice
    } catch (OutOfMemoryError | StackOverflowError e) {
      throw e;
    } catch (Throwable t) {
      failure = t;
    }
    node.mediaType = mediaType(md, file, node.name);
    if (failure != null) {
      if (WriteLimitReachedException.isWriteLimitReached(failure)) {
        node.textTruncated = true;
      } else if (!(failure instanceof ZeroByteFileException)) {
        classify(node, failure);
      }
    }
    node.text = out.toString();
    if (node.inlineText.length() > 0) {
      String joined = node.text.isBlank() ? node.inlineText.toString() : node.text + "\n" + node.inlineText;
      int max = state.request.limits().maxTextChars();
      node.textTruncated |= joined.length() > max;
      node.text = joined.length() > max ? joined.substring(0, max) : joined;
    }
    node.parser = parserName(md);
    node.metadata = MetadataFields.of(md);
    if (node.isQuarantined()) {
      return;
    }
    if (state.request.ocr()) {
      try {
        ocr(node, file, pages, state);
      } catch (OcrUnavailableException e) {
        node.quarantine("OCR_UNAVAILABLE", e.getMessage());
        return;
      } catch (LimitException e) {
        node.quarantine("LIMIT_EXCEEDED", e.getMessage());
        return;
      } catch (OutOfMemoryError e) {
        throw e;
      } catch (Exception e) {
        node.quarantine("CORRUPT", "OCR could not read the " + node.mediaType + " image: " + brief(e));
        return;
      }
    }
    if (node.parser.isEmpty() && node.text.isBlank() && node.ocrEngine.isEmpty() && node.size > 0
        && node.children.isEmpty()) {
      node.quarantine("UNSUPPORTED", "no parser reads " + node.mediaType + " items");
    }
  }

  private void ocr(Node node, Spool.Bytes file, PageCounter pages, State state) throws IOException {
    String languages = state.request.ocrLanguages();
    List<TesseractOcr.Page> results = new ArrayList<>();
    if (TesseractOcr.isOcrImage(node.mediaType)) {
      checkPixels(file);
      BufferedImage image = file.readImage();
      if (image == null) {
        return;
      }
      results.add(TesseractOcr.recognise(image, languages, state.request.limits().tessdata()));
    } else if ("application/pdf".equals(node.mediaType)) {
      List<Integer> empty = pages.pagesWithoutText(MIN_PAGE_CHARS);
      if (empty.isEmpty()) {
        return; // every page has a text layer: no OCR
      }
      try (PDDocument doc = file.loadPdf()) {
        PDFRenderer renderer = new PDFRenderer(doc);
        for (int page : empty) {
          if (page >= doc.getNumberOfPages()) {
            continue;
          }
          BufferedImage image = renderer.renderImageWithDPI(page, OCR_DPI, ImageType.GRAY);
          results.add(TesseractOcr.recognise(image, languages, state.request.limits().tessdata()));
        }
      }
    }
    if (results.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder(node.text);
    double confidence = 0;
    for (TesseractOcr.Page p : results) {
      if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
        text.append('\n');
      }
      text.append(p.text());
      confidence += p.confidence();
    }
    int max = state.request.limits().maxTextChars();
    if (text.length() > max) {
      text.setLength(max);
      node.textTruncated = true;
    }
    node.text = text.toString();
    node.ocrEngine = "tesseract@" + TesseractOcr.version();
    node.ocrLanguages = languages;
    node.ocrPages = results.size();
    node.ocrConfidence = Math.max(0, Math.min(1, confidence / results.size() / 100.0));
  }

  /** Refuses images whose decoded size would exhaust the worker's memory (decompression bombs). */
  private static void checkPixels(Spool.Bytes file) throws IOException {
    try (ImageInputStream in = file.imageStream()) {
      if (in == null) {
        return;
      }
      var readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > MAX_OCR_PIXELS) {
          throw new LimitException("the image has " + pixels + " pixels, over the OCR maximum of " + MAX_OCR_PIXELS);
        }
      } finally {
        reader.dispose();
      }
    }
  }

  private void testHook(String name) {
    if (!testHooks) {
      return;
    }
    if (name.endsWith(".hang-test")) {
      while (true) {
        try {
          Thread.sleep(60_000);
        } catch (InterruptedException e) {
          // a hanging parser ignores interrupts too
        }
      }
    }
    if (name.endsWith(".oom-test")) {
      List<long[]> hog = new ArrayList<>();
      while (true) {
        hog.add(new long[16 * 1024 * 1024]);
      }
    }
  }

  private static void classify(Node node, Throwable t) {
    Throwable limit = find(t, LimitException.class);
    if (limit != null) {
      node.quarantine("LIMIT_EXCEEDED", limit.getMessage());
      return;
    }
    if (find(t, EncryptedDocumentException.class) != null || named(t, "Encrypted")
        || named(t, "InvalidPasswordException")) {
      node.quarantine("ENCRYPTED", "the " + node.mediaType + " item is encrypted or password-protected;"
          + " decrypt it and ingest the decrypted copy");
      return;
    }
    if (find(t, TikaMemoryLimitException.class) != null || mentionsEntityExpansion(t)) {
      node.quarantine("LIMIT_EXCEEDED", "the parser refused to expand the item: " + brief(t));
      return;
    }
    if (find(t, UnsupportedFormatException.class) != null) {
      node.quarantine("UNSUPPORTED", "this variant of " + node.mediaType + " is not supported: " + brief(t));
      return;
    }
    node.quarantine("CORRUPT", "the " + node.mediaType + " item could not be parsed (damaged or truncated?): "
        + brief(t));
  }

  private static boolean mentionsEntityExpansion(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("entity expansion") || m.contains("entityexpansion") || m.contains("jaxp00010001")
          || m.contains("entities") && m.contains("limit")) {
        return true;
      }
    }
    return false;
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
      for (Throwable s : c.getSuppressed()) {
        if (type.isInstance(s)) {
          return type.cast(s);
        }
      }
    }
    return null;
  }

  private static boolean named(Throwable t, String part) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c.getClass().getSimpleName().contains(part)) {
        return true;
      }
    }
    return false;
  }

  static String brief(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage() == null ? "" : root.getMessage().strip();
    if (m.length() > 200) {
      m = m.substring(0, 200) + "…";
    }
    return root.getClass().getSimpleName() + (m.isEmpty() ? "" : ": " + m);
  }

  /** The most specific parser that ran, as {@code tika:PDFParser}; "" when none but the empty parser did. */
  private static String parserName(Metadata md) {
    String[] parsedBy = md.getValues(TikaCoreProperties.TIKA_PARSED_BY);
    for (int i = parsedBy.length - 1; i >= 0; i--) {
      String simple = parsedBy[i].substring(parsedBy[i].lastIndexOf('.') + 1);
      if (!simple.equals("DefaultParser") && !simple.equals("EmptyParser") && !simple.equals("AutoDetectParser")
          && !simple.equals("CompositeParser")) {
        return "tika:" + simple;
      }
    }
    return "";
  }

  private String mediaType(Metadata md, Spool.Bytes file, String name) {
    String type = md.get(Metadata.CONTENT_TYPE);
    if (type != null && !type.isBlank()) {
      MediaType parsed = MediaType.parse(type);
      if (parsed != null) {
        return parsed.getBaseType().toString();
      }
    }
    return detectQuietly(file, name);
  }

  private String detectQuietly(Spool.Bytes file, String name) {
    Metadata md = new Metadata();
    md.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    try (TikaInputStream in = file.open(md)) {
      return parser.getDetector().detect(in, md).getBaseType().toString();
    } catch (IOException | RuntimeException e) {
      return "application/octet-stream";
    }
  }

  public static String hashOnly(InputStream in) throws IOException {
    return Hashing.sha256Hex(in);
  }

  /** Per top item: counters shared by all its embedded items. */
  private static final class State {
    final Request request;
    /** Created by the first embedded item too large to hold in memory; the host deletes it. */
    final Path workDir;
    final Spool.Budget inMemory = new Spool.Budget();
    long expansionBudget;
    long expanded;
    int embedded;
    String abort;

    State(Request request) {
      this.request = request;
      this.workDir = Path.of(request.workDir());
    }
  }

  /** Thrown inside a parse when a limit is hit. */
  static final class LimitException extends IOException {
    private static final long serialVersionUID = 1L;

    LimitException(String message) {
      super(message);
    }
  }

  /** Receives every embedded item a parser finds: keeps its bytes and extracts it as a child node. */
  private final class Embedded implements EmbeddedDocumentExtractor {
    private final Node parent;
    private final Metadata parentMetadata;
    private final int depth;
    private final State state;

    Embedded(Node parent, Metadata parentMetadata, int depth, State state) {
      this.parent = parent;
      this.parentMetadata = parentMetadata;
      this.depth = depth;
      this.state = state;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
      return state.abort == null;
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
        throws SAXException, IOException {
      if (state.abort != null) {
        return; // the top item is quarantined for the limit; its report says where extraction stopped
      }
      Limits limits = state.request.limits();
      if (isMessageBody(metadata)) {
        inlineBody(stream, metadata);
        return;
      }
      if (++state.embedded > limits.maxEmbedded()) {
        state.abort = "more than " + limits.maxEmbedded() + " embedded items; extraction stopped there"
            + " (raise TikaExtractor.Builder.maxEmbedded if this is expected)";
        return;
      }
      Node child = new Node();
      child.name = embeddedName(metadata, state.embedded);
      child.containers = new ArrayList<>(parent.containers);
      child.containers.add(parent.name);
      parent.children.add(child);
      Spool spool = new Spool(state.inMemory, state.workDir, "e" + state.embedded + ".bin");
      MessageDigest digest = Hashing.sha256();
      long kept = 0;
      long total = 0;
      boolean overBudget = false;
      // the container owns the stream: closing it would close the archive itself (7z), so it is not closed here
      DigestInputStream in = new DigestInputStream(stream, digest);
      try (spool) {
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = in.read(buf)) > 0; ) {
          total += n;
          if (state.expanded + total > state.expansionBudget) {
            overBudget = true;
            break;
          }
          if (kept + n <= limits.maxBytes()) {
            spool.write(buf, 0, n);
            kept += n;
          }
        }
      } catch (IOException e) {
        child.size = total;
        child.sha256 = Hashing.hex(digest);
        child.keep(spool.finish());
        child.quarantine("CORRUPT", "the embedded item could not be read from its container: " + brief(e));
        state.expanded += total;
        return;
      }
      Spool.Bytes bytes = spool.finish();
      state.expanded += total;
      child.size = total;
      child.sha256 = Hashing.hex(digest);
      if (overBudget) {
        state.abort = "compression ratio over " + limits.maxCompressionRatio() + ": the embedded items expand to"
            + " more than " + state.expansionBudget + " bytes (a decompression bomb?); extraction stopped";
        child.quarantine("LIMIT_EXCEEDED", state.abort);
        bytes.delete();
        return;
      }
      if (total > limits.maxBytes()) {
        bytes.delete();
        child.quarantine("TOO_LARGE", "the embedded item is " + total + " bytes, over the maximum of "
            + limits.maxBytes());
        return;
      }
      child.keep(bytes);
      if (depth + 1 > limits.maxDepth()) {
        child.mediaType = detectQuietly(bytes, child.name);
        child.quarantine("LIMIT_EXCEEDED", "nested " + (depth + 1) + " containers deep, over the maximum depth of "
            + limits.maxDepth());
        return;
      }
      parseInto(child, bytes, depth + 1, state);
    }

    /** A message's own text part (no file name, not an attachment): Tika passes it as embedded. */
    private boolean isMessageBody(Metadata metadata) {
      // the container's type, as AutoDetectParser recorded it before handing the container to its parser
      if (!String.valueOf(parentMetadata.get(Metadata.CONTENT_TYPE)).startsWith("message/")) {
        return false;
      }
      String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
      String disposition = metadata.get("Content-Disposition");
      String type = String.valueOf(metadata.get(Metadata.CONTENT_TYPE)).toLowerCase(Locale.ROOT);
      boolean text = type.startsWith("text/plain") || type.startsWith("text/html") && parent.inlineText.length() == 0;
      return text && (name == null || name.isBlank())
          && (disposition == null || disposition.toLowerCase(Locale.ROOT).startsWith("inline"));
    }

    private void inlineBody(InputStream stream, Metadata metadata) throws IOException {
      Spool spool = new Spool(state.inMemory, state.workDir, "body" + System.nanoTime() + ".bin");
      try (spool) {
        stream.transferTo(new BoundedOutput(spool, state.request.limits().maxBytes()));
      }
      Spool.Bytes bytes = spool.finish();
      state.inMemory.left += bytes.inMemory() ? bytes.bytes().length : 0; // read and dropped here, never sent
      try {
        Node body = new Node();
        body.name = "body";
        parseInto(body, bytes, depth + 1, state);
        if (!body.text.isBlank()) {
          if (parent.inlineText.length() > 0) {
            parent.inlineText.append('\n');
          }
          parent.inlineText.append(body.text.strip());
        }
        parent.children.addAll(body.children); // anything the body itself embeds is the message's
      } finally {
        bytes.delete();
      }
    }
  }

  /** Stops writing silently past a maximum (the rest of an over-long body is not kept). */
  private static final class BoundedOutput extends java.io.FilterOutputStream {
    private long left;

    BoundedOutput(OutputStream out, long max) {
      super(out);
      this.left = max;
    }

    @Override
    public void write(int b) throws IOException {
      if (left > 0) {
        out.write(b);
        left--;
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      int n = (int) Math.min(len, left);
      if (n > 0) {
        out.write(b, off, n);
        left -= n;
      }
    }
  }

  private static String embeddedName(Metadata metadata, int n) {
    String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
    if (name == null || name.isBlank()) {
      name = metadata.get(TikaCoreProperties.EMBEDDED_RELATIONSHIP_ID);
    }
    if (name == null || name.isBlank()) {
      name = "embedded-" + n;
    }
    return name.strip();
  }

  /** Counts visible characters per PDF page ({@code <div class="page">}), to find pages without a text layer. */
  static final class PageCounter extends ContentHandlerDecorator {
    private final List<Integer> chars = new ArrayList<>();
    private int divDepth;
    private int pageDivDepth = -1;

    PageCounter(ContentHandler handler) {
      super(handler);
    }

    @Override
    public void startElement(String uri, String localName, String name, Attributes atts) throws SAXException {
      if ("div".equals(localName)) {
        divDepth++;
        if ("page".equals(atts.getValue("class"))) {
          chars.add(0);
          pageDivDepth = divDepth;
        }
      }
      super.startElement(uri, localName, name, atts);
    }

    @Override
    public void endElement(String uri, String localName, String name) throws SAXException {
      if ("div".equals(localName)) {
        if (divDepth == pageDivDepth) {
          pageDivDepth = -1;
        }
        divDepth--;
      }
      super.endElement(uri, localName, name);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      if (pageDivDepth >= 0 && !chars.isEmpty()) {
        int visible = 0;
        for (int i = start; i < start + length; i++) {
          if (!Character.isWhitespace(ch[i])) {
            visible++;
          }
        }
        chars.set(chars.size() - 1, chars.get(chars.size() - 1) + visible);
      }
      super.characters(ch, start, length);
    }

    List<Integer> pagesWithoutText(int minChars) {
      List<Integer> out = new ArrayList<>();
      for (int i = 0; i < chars.size(); i++) {
        if (chars.get(i) < minChars) {
          out.add(i);
        }
      }
      return out;
    }
  }
}
