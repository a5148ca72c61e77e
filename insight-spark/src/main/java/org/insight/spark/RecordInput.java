package org.insight.spark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.insight.core.Schema;
import org.insight.ingest.IngestRequest;
import org.insight.ingest.RecordMapping;
import org.insight.ingest.RecordMappingException;

/**
 * How an extraction job reads structured files, as {@code insight ingest --mapping NAME|FILE} or
 * {@code --format ftm} does: CSV/TSV/JSON/JSON-lines files through a record mapping into entities and links, or every
 * file as FollowTheMoney entities. Mappings and schemas are not serialisable, so this ships their source — the
 * built-in mapping's name, or the mapping file's bytes, and the bytes of each schema extension — and every task
 * builds the same mapping from it ({@link #applyTo}). Checked on the driver when made: a bad mapping fails there with
 * the embedded reader's message, not on every executor.
 *
 * <pre>{@code
 * ExtractJob.builder(dataset).records(RecordInput.mapping("cdr")).build();             // a built-in mapping
 * ExtractJob.builder(dataset).records(RecordInput.mapping("/etc/insight/fr-watch.json")).build();  // a mapping file
 * ExtractJob.builder(dataset).records(RecordInput.ftm()).build();                     // FtM JSON lines
 * }</pre>
 */
public final class RecordInput implements Serializable {
  private static final long serialVersionUID = 1L;

  private final boolean ftm;
  private final String mappingName; // the built-in name or the file's name (messages); null for FtM
  private final byte[] mappingJson; // null: built-in, or FtM
  private final List<byte[]> schemaExtensions;
  private final List<String> extensionNames;

  private RecordInput(boolean ftm, String mappingName, byte[] mappingJson, List<byte[]> schemaExtensions,
      List<String> extensionNames) {
    this.ftm = ftm;
    this.mappingName = mappingName;
    this.mappingJson = mappingJson;
    this.schemaExtensions = List.copyOf(schemaExtensions);
    this.extensionNames = List.copyOf(extensionNames);
    check();
  }

  /**
   * What {@code --mapping} names: a built-in mapping ({@link RecordMapping#builtInNames()}) or a mapping file, read
   * now on the driver (executors need not see the file).
   *
   * @throws RecordMappingException when it is neither, or the mapping is not valid
   */
  public static RecordInput mapping(String nameOrFile) {
    Objects.requireNonNull(nameOrFile, "nameOrFile");
    if (RecordMapping.builtInNames().contains(nameOrFile)) {
      return new RecordInput(false, nameOrFile, null, List.of(), List.of());
    }
    Path file = Path.of(nameOrFile);
    try {
      return new RecordInput(false, file.toString(), Files.readAllBytes(file), List.of(), List.of());
    } catch (NoSuchFileException e) {
      throw new RecordMappingException(List.of("'" + nameOrFile + "' is neither a built-in mapping nor a mapping"
          + " file; the built-in mappings are " + RecordMapping.builtInNames() + " (or give a mapping file)"));
    } catch (IOException e) {
      throw new RecordMappingException(List.of("cannot read mapping file " + nameOrFile + ": " + e.getMessage()));
    }
  }

  /** A mapping given as JSON ({@code sourceName} names it in messages). */
  public static RecordInput mapping(byte[] json, String sourceName) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(sourceName, "sourceName");
    return new RecordInput(false, sourceName, json.clone(), List.of(), List.of());
  }

  /** Every file read as FollowTheMoney entities (JSON lines, a JSON array, FtM statement CSV): {@code --format ftm}. */
  public static RecordInput ftm() {
    return new RecordInput(true, null, null, List.of(), List.of());
  }

  /**
   * The same input read against the default schema extended by {@code file} (new types or properties, as a
   * workspace's schema extends it), read now on the driver. The embedded ingest reads against the workspace's
   * schema: give the job the same extensions.
   */
  public RecordInput withSchemaExtension(Path file) {
    Objects.requireNonNull(file, "file");
    List<byte[]> bytes = new ArrayList<>(schemaExtensions);
    List<String> names = new ArrayList<>(extensionNames);
    try {
      bytes.add(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema file " + file + ": " + e.getMessage() + "; check the path", e);
    }
    names.add(file.toString());
    return new RecordInput(ftm, mappingName, mappingJson, bytes, names);
  }

  /** Whether every file is read as FtM (else structured files go through a mapping). */
  public boolean ftmInput() {
    return ftm;
  }

  /** The schema the records are read against: the default one, extended as given. */
  public Schema schema() {
    Schema s = Schema.defaults();
    for (byte[] extension : schemaExtensions) {
      s = s.extend(new ByteArrayInputStream(extension));
    }
    return s;
  }

  /** The mapping, built from its source (null for FtM). */
  public RecordMapping recordMapping() {
    if (ftm) {
      return null;
    }
    Schema schema = schema();
    return mappingJson == null ? RecordMapping.builtIn(mappingName, schema)
        : RecordMapping.parse(new ByteArrayInputStream(mappingJson), mappingName, schema);
  }

  /** Sets the request's mapping or FtM reader as {@code insight ingest} does: the same code reads the records. */
  public IngestRequest.Builder applyTo(IngestRequest.Builder request) {
    return ftm ? request.ftm(schema()) : request.mapping(recordMapping());
  }

  /**
   * A digest of what this input reads with (kind, mapping bytes or name, schema extensions): two inputs with the
   * same fingerprint read every file alike. A job's checkpoint is kept per fingerprint.
   */
  public String fingerprint() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((ftm ? "ftm" : "mapping:" + mappingName).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      if (mappingJson != null) {
        sha.update(mappingJson);
      }
      for (byte[] e : schemaExtensions) {
        sha.update(e);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  private void check() {
    if (ftm) {
      schema(); // a bad extension fails here, on the driver
    } else {
      recordMapping();
    }
  }

  @Override
  public String toString() {
    return (ftm ? "ftm" : "mapping " + mappingName)
        + (extensionNames.isEmpty() ? "" : " with schema extensions " + extensionNames);
  }
}
