package org.insight.ingest;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Test files built in code: every format the extractor must read, and hostile ones. */
final class Corpus {
  private Corpus() {}

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] html(String title, String author, String body) {
    return utf8("<!DOCTYPE html><html><head><title>" + title + "</title><meta name=\"author\" content=\"" + author
        + "\"></head><body><h1>" + title + "</h1><p>" + body + "</p></body></html>");
  }

  /** A PDF with a text layer, one line per page. */
  static byte[] pdf(String author, String... pages) throws IOException {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.getDocumentInformation().setAuthor(author);
      doc.getDocumentInformation().setCreationDate(java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC")));
      for (String line : pages) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
          cs.newLineAtOffset(72, 700);
          cs.showText(line);
          cs.endText();
        }
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** A PDF whose only page is a picture of {@code text}: no text layer, as a scanner makes. */
  static byte[] scannedPdf(String... lines) throws IOException {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      BufferedImage image = textImage(1654, 2339, 56, lines); // A4 at 200 dpi
      PDImageXObject xo = LosslessFactory.createFromImage(doc, image);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.drawImage(xo, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  static byte[] encryptedPdf(String text) throws IOException {
    try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf("x", text));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
          new AccessPermission());
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      doc.save(out);
      return out.toByteArray();
    }
  }

  static BufferedImage textImage(int width, int height, int fontSize, String... lines) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLACK);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, fontSize));
    int y = fontSize * 3;
    for (String line : lines) {
      g.drawString(line, fontSize * 2, y);
      y += fontSize * 2;
    }
    g.dispose();
    return image;
  }

  static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  static byte[] docx(String author, String title, String text) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.getProperties().getCoreProperties().setCreator(author);
      doc.getProperties().getCoreProperties().setTitle(title);
      doc.createParagraph().createRun().setText(text);
      doc.write(out);
      return out.toByteArray();
    }
  }

  static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  static Map<String, byte[]> entries(Object... nameThenBytes) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (int i = 0; i < nameThenBytes.length; i += 2) {
      m.put((String) nameThenBytes[i], (byte[]) nameThenBytes[i + 1]);
    }
    return m;
  }

  static byte[] tarGz(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes); TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        entry.setSize(e.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  static byte[] sevenZip(Map<String, byte[]> entries) throws IOException {
    java.nio.file.Path tmp = java.nio.file.Files.createTempFile("corpus", ".7z");
    try {
      try (org.apache.commons.compress.archivers.sevenz.SevenZOutputFile out =
          new org.apache.commons.compress.archivers.sevenz.SevenZOutputFile(tmp.toFile())) {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
          org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry entry = new org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry();
          entry.setName(e.getKey());
          entry.setSize(e.getValue().length);
          entry.setLastModifiedDate(new java.util.Date(1_700_000_000_000L)); // Tika reads it unconditionally
          out.putArchiveEntry(entry);
          out.write(e.getValue());
          out.closeArchiveEntry();
        }
      }
      return java.nio.file.Files.readAllBytes(tmp);
    } finally {
      java.nio.file.Files.deleteIfExists(tmp);
    }
  }

  /** A zip whose one entry is {@code megabytes} MiB of zeros: a high-ratio decompression bomb. */
  static byte[] zipBomb(int megabytes) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(9);
      zip.putNextEntry(new ZipEntry("zeros.txt"));
      byte[] mb = new byte[1024 * 1024];
      for (int i = 0; i < megabytes; i++) {
        zip.write(mb);
      }
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  /** {@code levels} zips, each inside the next, with a text file at the bottom. */
  static byte[] nestedZip(int levels, String bottomText) throws IOException {
    byte[] inner = zip(entries("bottom.txt", utf8(bottomText)));
    for (int i = 1; i < levels; i++) {
      inner = zip(entries("level" + (levels - i) + ".zip", inner));
    }
    return inner;
  }

  static byte[] billionLaughs() {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
    sb.append(" <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
    for (int i = 2; i <= 9; i++) {
      sb.append(" <!ENTITY lol").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        sb.append("&lol").append(i - 1).append(';');
      }
      sb.append("\">\n");
    }
    sb.append("]>\n<lolz>&lol9;</lolz>\n");
    return utf8(sb.toString());
  }

  /** An RFC 822 message with a text body and base64 attachments. */
  static byte[] eml(String from, String subject, String body, Map<String, byte[]> attachments) {
    String boundary = "=_insight_boundary_42";
    StringBuilder sb = new StringBuilder();
    sb.append("From: ").append(from).append("\r\n");
    sb.append("To: analyst@example.org\r\n");
    sb.append("Subject: ").append(subject).append("\r\n");
    sb.append("Date: Tue, 12 Mar 2024 10:15:00 +0000\r\n");
    sb.append("Message-ID: <").append(Math.abs(subject.hashCode())).append("@example.org>\r\n");
    sb.append("MIME-Version: 1.0\r\n");
    sb.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n");
    sb.append("--").append(boundary).append("\r\n");
    sb.append("Content-Type: text/plain; charset=UTF-8\r\n\r\n").append(body).append("\r\n");
    for (Map.Entry<String, byte[]> a : attachments.entrySet()) {
      sb.append("--").append(boundary).append("\r\n");
      sb.append("Content-Type: application/octet-stream; name=\"").append(a.getKey()).append("\"\r\n");
      sb.append("Content-Transfer-Encoding: base64\r\n");
      sb.append("Content-Disposition: attachment; filename=\"").append(a.getKey()).append("\"\r\n\r\n");
      sb.append(Base64.getMimeEncoder().encodeToString(a.getValue())).append("\r\n");
    }
    sb.append("--").append(boundary).append("--\r\n");
    return utf8(sb.toString());
  }

  static byte[] mbox(String... bodies) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    for (String body : bodies) {
      i++;
      sb.append("From sender").append(i).append("@example.org Tue Mar 12 10:1").append(i).append(":00 2024\n");
      sb.append("From: sender").append(i).append("@example.org\n");
      sb.append("Subject: message ").append(i).append("\n");
      sb.append("Date: Tue, 12 Mar 2024 10:1").append(i).append(":00 +0000\n\n");
      sb.append(body).append("\n\n");
    }
    return utf8(sb.toString());
  }

  static void write(OutputStream out, byte[] bytes) throws IOException {
    out.write(bytes);
  }
}
