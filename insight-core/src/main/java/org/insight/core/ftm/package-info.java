/**
 * FollowTheMoney interop: {@link org.insight.core.ftm.FtmReader} reads FtM entities (JSON lines or a JSON array) into
 * this SDK's entities, {@link org.insight.core.ftm.FtmWriter} writes entities back as FtM JSON lines, both through
 * the published table {@link org.insight.core.ftm.FtmMapping}. See docs/ftm.md.
 */
package org.insight.core.ftm;
