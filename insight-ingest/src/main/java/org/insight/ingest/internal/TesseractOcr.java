package org.insight.ingest.internal;

import com.sun.jna.Pointer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.TessAPI;

/**
 * Tesseract through Tess4J's JNA mapping of the C API. One engine per thread and language set, kept
 * for the life of the thread (initialising one costs about as much as recognising a page).
 */
public final class TesseractOcr {
  private static final List<Path> TESSDATA = List.of(
      Path.of("/usr/share/tesseract-ocr/5/tessdata"),
      Path.of("/usr/share/tesseract-ocr/4.00/tessdata"),
      Path.of("/usr/share/tessdata"),
      Path.of("/usr/local/share/tessdata"));
  private static final Set<String> OCR_IMAGES = Set.of("image/png", "image/jpeg", "image/tiff", "image/gif",
      "image/bmp", "image/x-ms-bmp", "image/x-portable-graymap", "image/x-portable-pixmap",
      "image/x-portable-bitmap");
  private static final ThreadLocal<Map<String, TessBaseAPI>> ENGINES = ThreadLocal.withInitial(HashMap::new);
  private static volatile String version;

  private TesseractOcr() {}

  /**
   * Tess4J's interface mapping, which binds each C function when first called: its direct mapping binds every
   * function up front and fails on Debian's Tesseract 5.3, which lacks functions added in 5.4.
   */
  private static TessAPI tess() {
    return TessAPI.INSTANCE;
  }

  /**
   * One recognised page.
   *
   * @param text the text
   * @param confidence Tesseract's mean word confidence, 0-100
   */
  public record Page(String text, int confidence) {}

  /** True for the raster image types OCR reads. */
  public static boolean isOcrImage(String mediaType) {
    return OCR_IMAGES.contains(mediaType);
  }

  /** The Tesseract library version, e.g. 5.3.0. */
  public static String version() {
    String v = version;
    if (v == null) {
      try {
        v = tess().TessVersion();
      } catch (LinkageError e) {
        throw missingLibrary(e);
      }
      version = v;
    }
    return v;
  }

  /** Where the language data is: {@code configured}, $TESSDATA_PREFIX, or the Debian locations. */
  public static Path tessdata(String configured) {
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String env = System.getenv("TESSDATA_PREFIX");
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env);
      return Files.isDirectory(p.resolve("tessdata")) ? p.resolve("tessdata") : p;
    }
    for (Path p : TESSDATA) {
      if (Files.isRegularFile(p.resolve("eng.traineddata"))) {
        return p;
      }
    }
    return TESSDATA.get(0);
  }

  /**
   * Recognises the text in {@code image}.
   *
   * @param languages e.g. eng+fra
   * @param tessdata the language-data directory, "" for the default
   * @throws OcrUnavailableException if Tesseract or a language is not installed
   */
  public static Page recognise(BufferedImage image, String languages, String tessdata) {
    TessBaseAPI api = engine(languages, tessdata);
    BufferedImage gray = toGray(image);
    byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
    ByteBuffer buffer = ByteBuffer.allocateDirect(pixels.length);
    buffer.put(pixels).flip();
    tess().TessBaseAPISetImage(api, buffer, gray.getWidth(), gray.getHeight(), 1, gray.getWidth());
    tess().TessBaseAPISetSourceResolution(api, 300);
    Pointer textPointer = tess().TessBaseAPIGetUTF8Text(api);
    String text = "";
    if (textPointer != null) {
      text = textPointer.getString(0, "UTF-8");
      tess().TessDeleteText(textPointer);
    }
    int confidence = tess().TessBaseAPIMeanTextConf(api);
    tess().TessBaseAPIClear(api);
    return new Page(text.strip(), Math.max(0, confidence));
  }

  private static TessBaseAPI engine(String languages, String tessdata) {
    Path dir = tessdata(tessdata);
    String key = dir + "|" + languages;
    Map<String, TessBaseAPI> engines = ENGINES.get();
    TessBaseAPI api = engines.get(key);
    if (api != null) {
      return api;
    }
    for (String lang : languages.split("\\+")) {
      if (!Files.isRegularFile(dir.resolve(lang + ".traineddata"))) {
        throw new OcrUnavailableException("Tesseract language data '" + lang + "' is not installed (no "
            + dir.resolve(lang + ".traineddata") + "); install the Debian package tesseract-ocr-"
            + lang.replace('_', '-') + " or choose another OCR language");
      }
    }
    try {
      version();
      api = tess().TessBaseAPICreate();
      if (tess().TessBaseAPIInit3(api, dir.toString(), languages) != 0) {
        tess().TessBaseAPIDelete(api);
        throw new OcrUnavailableException("Tesseract could not load languages " + languages + " from " + dir
            + "; reinstall the Debian packages tesseract-ocr-<lang>");
      }
      tess().TessBaseAPISetPageSegMode(api, 3); // PSM_AUTO: page layout analysis, no orientation detection
    } catch (LinkageError e) {
      throw missingLibrary(e);
    }
    engines.put(key, api);
    return api;
  }

  private static OcrUnavailableException missingLibrary(LinkageError e) {
    return new OcrUnavailableException("Tesseract is not installed (" + e.getClass().getSimpleName()
        + " loading libtesseract); install the Debian package tesseract-ocr (which brings libtesseract5)"
        + " and tesseract-ocr-eng, or turn OCR off");
  }

  private static BufferedImage toGray(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
      return image;
    }
    BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = gray.createGraphics();
    g.setColor(Color.WHITE); // transparent pixels become paper, not ink
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.drawImage(image, 0, 0, null);
    g.dispose();
    return gray;
  }
}
