/** Names: normalisation, transliteration, phonetic keys, similarity, nicknames. */
module org.insight.names {
  requires com.ibm.icu;
  requires org.apache.commons.codec;

  exports org.insight.names;
}
