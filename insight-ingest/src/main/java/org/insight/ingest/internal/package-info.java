/** Implementation of record mappings and readers. Not API: may change without notice. */
package org.insight.ingest.internal;
