package org.insight.workspace;

import java.util.List;
import org.insight.policy.Purpose;
import org.insight.search.Hit;

/**
 * "What would this profile see?" — the answer {@link Session#testProfile} gives the principal asking. Exactly this
 * is shown:
 *
 * <ul>
 *   <li>three <b>counts as the profile</b> ({@code entities}, {@code documents}, {@code matches} of the query): the
 *       only thing the asker learns about data it cannot see itself;
 *   <li>the same three counts over what <b>both</b> the profile and the asker may see ({@code ...AlsoVisibleToYou}),
 *       so the difference says how much of the profile's view the asker cannot check;
 *   <li>{@code samples}: the top hits of the query over what both may see — never an item the asker could not read in
 *       its own session.
 * </ul>
 *
 * @param profile the profile's name
 * @param purpose the purpose the profile was tested for
 * @param query the query, as text
 * @param entities how many entities the profile sees
 * @param documents how many documents the profile sees
 * @param matches how many entities and documents the query matches as the profile
 * @param entitiesAlsoVisibleToYou of {@code entities}, those the asker sees too
 * @param documentsAlsoVisibleToYou of {@code documents}, those the asker sees too
 * @param matchesAlsoVisibleToYou of {@code matches}, those the asker sees too
 * @param samples the best hits among what both see
 */
public record ProfileTest(String profile, Purpose purpose, String query, long entities, long documents, long matches,
    long entitiesAlsoVisibleToYou, long documentsAlsoVisibleToYou, long matchesAlsoVisibleToYou, List<Hit> samples) {

  /**
   * The dataset name the writers configuration must grant for a principal to test profiles: testing shows counts
   * beyond the tester's own clearance, so it is an administrative act the deployment grants explicitly.
   */
  public static final String DATASET = "profiles";

  /** Copies the samples. */
  public ProfileTest {
    samples = List.copyOf(samples);
  }
}
