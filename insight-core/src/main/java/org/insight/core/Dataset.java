package org.insight.core;

import java.util.Objects;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;

/**
 * A source of data and what it declares about everything it provides: its name, its default access label
 * (explicit — data is never unlabelled, so never silently visible to everyone) and its grading.
 *
 * <pre>{@code
 * Dataset notices = Dataset.of("interpol-red-notices", Label.of("INTERPOL"), SourceGrading.parse("B2"));
 * Entity person = notices.entity("Person", "2024/12345")
 *     .add("name", "Ivan PETROV")
 *     .add("birthDate", "1975-03")
 *     .add("nationality", "RU")
 *     .build();
 * }</pre>
 *
 * @param name the dataset's name, recorded in every value's provenance
 * @param label the default label of its values; a value may carry its own instead
 * @param grading the source reliability and information assessment of its values
 */
public record Dataset(String name, Label label, SourceGrading grading) {

  public Dataset {
    name = Provenance.requireText(name, "dataset name");
    Objects.requireNonNull(label, "label: a dataset must declare its default access label explicitly");
    grading = Objects.requireNonNullElse(grading, SourceGrading.UNGRADED);
  }

  public static Dataset of(String name, Label label, SourceGrading grading) {
    return new Dataset(name, label, grading);
  }

  /** A builder for the entity that record {@code recordId} of this dataset describes, in the default schema. */
  public EntityBuilder entity(String type, String recordId) {
    return entity(Schema.defaults(), type, recordId);
  }

  /** A builder for the entity that record {@code recordId} describes, in a deployment's extended schema. */
  public EntityBuilder entity(Schema schema, String type, String recordId) {
    return new EntityBuilder(schema, this, type, recordId);
  }
}
