package org.insight.policy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A big differential run against Accumulo Access, off by default. Run it with, for example:
 *
 * <pre>
 * mvn -pl insight-policy test -Dtest=AccumuloDifferentialSoakTest -Dinsight.soak.tries=1000000
 * </pre>
 *
 * Add {@code -Dinsight.test.seed=N} to replay a printed seed. Tagged {@code soak}.
 */
@Tag("soak")
@EnabledIfSystemProperty(named = "insight.soak.tries", matches = "\\d+")
class AccumuloDifferentialSoakTest {

  @Test
  void soak() {
    int tries = Integer.parseInt(System.getProperty("insight.soak.tries"));
    AccumuloConformanceTest.differential(TestRandom.create("soak"), tries);
  }
}
