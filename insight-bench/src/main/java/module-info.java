/** Benchmarks against a baseline run side by side (not published). */
module org.insight.bench {
  requires org.insight.workspace;
  requires org.insight.trends;
  requires org.locationtech.jts;
  requires org.insight.graph;
  requires org.insight.report;
  requires org.jgrapht.core;
  requires org.jgrapht.io;
  requires org.insight.test;
  requires org.insight.cli;
  requires com.fasterxml.jackson.databind;
  requires com.ibm.icu;
  requires java.desktop;
  requires java.management;
  requires jdk.management;
  requires org.apache.lucene.core;
  requires org.apache.lucene.analysis.common;
  requires org.insight.nlp;
  requires org.apache.opennlp.tools;
  requires org.apache.pdfbox;
  requires org.apache.poi.ooxml;
  requires org.apache.tika.core;
  requires org.apache.tika.parser.pdf;
  requires org.apache.tika.parser.ocr;
}
