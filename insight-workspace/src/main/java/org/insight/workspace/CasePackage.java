package org.insight.workspace;

import java.nio.file.Path;

/**
 * What {@link Cases#exportPackage} wrote: counts and digests, never a value.
 *
 * @param caseId the case
 * @param directory where the package is: its zip file, or its directory
 * @param entities how many entities (each with only the statements the exporter sees)
 * @param statements how many statements
 * @param documents how many documents' metadata
 * @param evidence how many documents' original bytes
 * @param items how many case items (the header, members, references, notes, tasks)
 * @param auditEntries how many audit entries the extract lists
 * @param label the conjunction of the labels of everything in the package
 * @param manifestSha256 the SHA-256 (hex) of {@code manifest.json}
 * @param keyFingerprint {@code sha256:HEX} of the signing public key (X.509 DER)
 */
public record CasePackage(String caseId, Path directory, int entities, int statements, int documents, int evidence,
    int items, int auditEntries, String label, String manifestSha256, String keyFingerprint) {}
