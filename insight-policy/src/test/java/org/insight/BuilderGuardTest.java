package org.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BuilderGuardTest {
  @Test
  void aSecondSettingIsRefusedNamingTheValueItHas() {
    BuilderGuard.requireUnset(null, "threshold");
    BuilderGuard.requireUnset(false, "workers", 4);
    assertEquals("threshold was already set to 0.9; set it once",
        assertThrows(IllegalStateException.class, () -> BuilderGuard.requireUnset(0.9, "threshold")).getMessage());
    assertEquals("workers was already set to 4; set it once",
        assertThrows(IllegalStateException.class, () -> BuilderGuard.requireUnset(true, "workers", 4)).getMessage());
  }
}
