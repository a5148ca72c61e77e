/**
 * The INSIGHT data model: property types with their cleaning ({@link org.insight.core.PropertyType}), the
 * schema as data ({@link org.insight.core.Schema}, {@link org.insight.core.EntityType},
 * {@link org.insight.core.PropertyDef}), the content-addressed evidence store
 * ({@link org.insight.core.EvidenceStore}, {@link org.insight.core.FileEvidenceStore},
 * {@link org.insight.core.ContentHash}) and the exceptions they throw
 * ({@link org.insight.core.InvalidDataException}, {@link org.insight.core.SchemaException},
 * {@link org.insight.core.StoreException}, {@link org.insight.core.EvidenceCorruptedException}).
 */
package org.insight.core;
