/** Access labels, principals, purposes, the access decision, source grading and the audit log. */
module org.insight.policy {
  requires org.apache.accumulo.access;
  requires org.slf4j;

  exports org.insight;
  exports org.insight.policy;
}
