package org.insight.graph;

/** Where an edge of a {@link Network} comes from. */
public enum EdgeKind {
  /** An explicit link entity of an edge type of the schema (Associate, Family, Ownership, Call, Transfer, ...). */
  LINK,
  /** An entity-reference property of a node (a phone's owner, an account's holder, a document's holder). */
  REFERENCE,
  /** Two entities holding the same phone, e-mail, address or identifier, without anyone having linked them. */
  SHARED_IDENTIFIER,
  /** Two entities mentioned in the same document. */
  CO_MENTION,
  /** A same-as link from entity resolution (the latest run the reader can see) or an analyst's "same" judgement. */
  SAME_AS,
  /**
   * Two entities seen within a distance and a time window of each other (geo's co-location: the sightings of an
   * event's participants or a call's phones); count = encounters, dates = the encounters' first and last times.
   */
  CO_LOCATION
}
