package org.insight.workspace;

import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import org.insight.policy.Purpose;

/**
 * What a no-leak property draws its reader from: authorisations over {@link NoLeakProperties#TOKENS} and a purpose.
 * A property class implements it to take {@code @ForAll("auths")} and {@code @ForAll("purposes")}.
 */
interface Clearances {
  @Provide
  default Arbitrary<Set<String>> auths() {
    return Arbitraries.of(NoLeakProperties.TOKENS).set().ofMaxSize(3);
  }

  @Provide
  default Arbitrary<Purpose> purposes() {
    return Arbitraries.of(NoLeakProperties.PURPOSES);
  }
}
