/** Language identification, tokens, selectors, names, known-entity spotting, NER, translation. */
module org.insight.nlp {
  requires transitive org.insight.core;
  requires transitive org.insight.names;
  requires com.fasterxml.jackson.databind;
  requires com.ibm.icu;
  requires com.google.i18n.phonenumbers.libphonenumber;
  requires org.apache.opennlp.tools;
  requires java.net.http;

  exports org.insight.nlp;
}
