/** Ingest: connectors, extraction with Apache Tika in worker processes, OCR, limits, quarantine, record mappings. */
module org.insight.ingest {
  requires transitive org.insight.core;
  requires org.slf4j;
  requires com.fasterxml.jackson.databind;
  requires java.desktop;
  requires java.xml;
  requires org.apache.tika.core;
  requires org.apache.tika.parser.pdf;
  requires org.apache.tika.parser.ocr;
  requires org.apache.pdfbox;
  requires tess4j;
  requires com.sun.jna;

  exports org.insight.ingest;
}
