package org.insight.workspace;

import java.time.Instant;
import java.util.List;

/**
 * Every processing of data about one person that the workspace recorded — for a data subject's access request or an
 * oversight body (the EU Law Enforcement Directive's logging article) — built from the audit log and the statements,
 * showing ids, times, actions, principals and purposes, never a value: an oversight principal reads who did what with
 * the person's data, not the data. See {@link Session#subjectReport}.
 *
 * @param subjects the entity ids the report is about (the one asked for, or those holding the identifier)
 * @param related ids of data derived from or pointing at them: their statements, and the links, flags and same-as
 *     records that name them
 * @param collected each statement held about them now: id, property (never the value), dataset, method, when and by
 *     whom it was written
 * @param processing each audit entry that names one of these ids, oldest first
 * @param unattributed the bulk reads (scans, graph builds, geo and trends analyses, exports too large to list their
 *     ids) made while the subjects' data was held whose audit entries name no ids: each may or may not have read
 *     the subjects' data, and the log cannot say which; listed (with empty {@code ids}) rather than silently left out
 */
public record SubjectReport(List<String> subjects, List<String> related, List<Collected> collected,
    List<Processing> processing, List<Processing> unattributed) {

  /**
   * The dataset name the writers configuration must grant, on a line of its own, for a principal to read subject
   * reports (oversight).
   */
  public static final String DATASET = "oversight";

  /** What a processing was, in the terms of the logging obligation. */
  public enum Category {
    /** Data entered the workspace: add, ingest, corrections. */
    COLLECTION,
    /** Data was read: entity and document reads, search, listings, case views. */
    CONSULTATION,
    /** Data left the workspace: exports (and, later, releases and sharing packages). */
    DISCLOSURE,
    /** Data was combined with other data: matching, resolution, screening, graphs, flags, cases. */
    COMBINATION,
    /** Data was erased or purged. */
    ERASURE,
    /** Another operation that named the subject (e.g. an earlier subject report). */
    OTHER
  }

  /** Copies the lists. */
  public SubjectReport {
    subjects = List.copyOf(subjects);
    related = List.copyOf(related);
    collected = List.copyOf(collected);
    processing = List.copyOf(processing);
    unattributed = List.copyOf(unattributed);
  }

  /** How many bulk reads may have touched the subjects without their audit entries naming them. */
  public int bulkReadsNotAttributable() {
    return unattributed.size();
  }

  /**
   * A statement held about the subject, without its value.
   *
   * @param entityId the entity
   * @param statementId the statement
   * @param property which property (the kind of data, not the data)
   * @param dataset the source dataset
   * @param method how it was produced
   * @param ingestedAt when it was written
   * @param ingestedBy by whom
   */
  public record Collected(String entityId, String statementId, String property, String dataset, String method,
      Instant ingestedAt, String ingestedBy) {}

  /**
   * One audit entry about the subject, without its query text (which may hold values).
   *
   * @param sequence the entry's place in the audit log
   * @param at when
   * @param principal who
   * @param purpose for what
   * @param operation the operation (e.g. {@code entity.get}, {@code export})
   * @param category what kind of processing it was
   * @param outcome {@code ok}, {@code denied…} or {@code error…}
   * @param ids which of the subject's ids (and related ids) it named; empty for an {@link #unattributed} bulk read
   */
  public record Processing(long sequence, Instant at, String principal, String purpose, String operation,
      Category category, String outcome, List<String> ids) {
    /** Copies the ids. */
    public Processing {
      ids = List.copyOf(ids);
    }
  }
}
