package org.insight.ingest.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * One item to extract, as sent to a worker.
 *
 * @param file the item's bytes
 * @param name its name (the file name, or what the caller called the stream)
 * @param workDir where to create a directory for embedded items too large to keep in memory (only if there are
 *     any); the host deletes it afterwards
 * @param ocr whether to OCR
 * @param ocrLanguages Tesseract languages, e.g. eng+fra
 * @param limits the limits
 */
public record Request(String file, String name, String workDir, boolean ocr, String ocrLanguages, Limits limits) {

  public void write(DataOutputStream out) throws IOException {
    Node.writeString(out, file);
    Node.writeString(out, name);
    Node.writeString(out, workDir);
    out.writeBoolean(ocr);
    Node.writeString(out, ocrLanguages);
    limits.write(out);
  }

  public static Request read(DataInputStream in) throws IOException {
    return new Request(Node.readString(in), Node.readString(in), Node.readString(in), in.readBoolean(),
        Node.readString(in), Limits.read(in));
  }
}
