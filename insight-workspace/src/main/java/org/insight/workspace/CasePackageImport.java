package org.insight.workspace;

import java.util.List;

/**
 * What {@link Cases#importPackage} wrote; importing the same package again writes nothing new.
 *
 * @param caseId the case, with the id it had where it was exported
 * @param origin the exporting workspace or agency, as the package names it
 * @param exportedBy the principal who exported it
 * @param entities how many entities
 * @param statements how many statements
 * @param documents how many documents were written
 * @param documentsWithoutEvidence documents not written: their bytes were neither in the package nor in this
 *     workspace's evidence store (a document is only ever stored with its original bytes)
 * @param items how many case items
 * @param keyFingerprint {@code sha256:HEX} of the key the package was verified with
 */
public record CasePackageImport(String caseId, String origin, String exportedBy, int entities, int statements,
    int documents, List<String> documentsWithoutEvidence, int items, String keyFingerprint) {
  /** Copies the list. */
  public CasePackageImport {
    documentsWithoutEvidence = List.copyOf(documentsWithoutEvidence);
  }
}
