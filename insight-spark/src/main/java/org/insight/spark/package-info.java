/**
 * Ingest, entity resolution and screening as Apache Spark jobs, for data one machine cannot hold. Spark is a
 * provided dependency: a cluster's {@code spark-submit} (or the {@code insight spark} launcher) brings it.
 *
 * <p>No {@code module-info}: Spark's jars carry no {@code Automatic-Module-Name} and their file names
 * ({@code spark-sql_2.13-4.2.0.jar}) derive no valid module name, so a named module cannot require them. The jar is
 * the automatic module {@code org.insight.spark} (manifest); the public API is this package, the implementation in
 * {@code org.insight.spark.internal} by convention.
 */
package org.insight.spark;
