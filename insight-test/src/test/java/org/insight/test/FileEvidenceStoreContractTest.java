package org.insight.test;

import java.nio.file.Path;
import org.insight.core.EvidenceStore;
import org.insight.core.FileEvidenceStore;

/** insight-core cannot depend on this module (a reactor cycle), so its evidence store is checked here. */
class FileEvidenceStoreContractTest extends EvidenceStoreContract {
  @Override
  protected EvidenceStore open(Path dir) {
    return FileEvidenceStore.open(dir);
  }
}
