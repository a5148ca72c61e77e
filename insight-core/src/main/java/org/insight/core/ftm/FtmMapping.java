package org.insight.core.ftm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.insight.core.EntityType;
import org.insight.core.Schema;

/**
 * The published table between FollowTheMoney (FtM) schemata and properties and this SDK's schema, used both ways:
 * by {@link FtmReader} (FtM → workspace) and {@link FtmWriter} (workspace → FtM). Each FtM schema maps to exactly one
 * of our types and back, and each listed FtM property to one of ours and back, so a round trip keeps ids, schemata
 * and values. What is not in the table is not guessed: an FtM schema or property missing here is reported on import
 * and never forced into another type; one of our types missing here (Phone, Email, Warrant, …) is left out of an FtM
 * export and counted. docs/ftm.md publishes this table with the reasons for each difference.
 */
public final class FtmMapping {
  private static final String THING = "name alias previousName summary notes country sourceUrl topics";
  private static final String LEGAL = THING + " email phone website address addressEntity registrationNumber"
      + " taxNumber jurisdiction";
  private static final String ORGANIZATION = LEGAL + " incorporationDate dissolutionDate legalForm sector status"
      + " leiCode swiftBic=bicCode";
  private static final String INTERVAL = "startDate endDate summary sourceUrl";
  private static final String VEHICLE = THING + " registrationNumber model type=kind buildDate owner";
  private static final String IDENTIFICATION = "holder type number authority country=issuingCountry"
      + " startDate=issueDate endDate=expiryDate summary sourceUrl";

  private static final FtmMapping DEFAULTS = new FtmMapping(List.of(
      row("Person", "Person", LEGAL + " title firstName middleName lastName fatherName motherName birthDate"
          + " birthPlace birthCountry deathDate nationality citizenship gender position idNumber passportNumber"
          + " height weight eyeColor=eyeColour hairColor=hairColour"),
      row("LegalEntity", "LegalEntity", LEGAL),
      row("Organization", "Organization", ORGANIZATION),
      row("Company", "Company", ORGANIZATION),
      row("Address", "Address", THING + " full street city postalCode region"),
      row("Vehicle", "Vehicle", VEHICLE),
      row("Vessel", "Vessel", VEHICLE + " imoNumber flag callSign mmsi tonnage"),
      row("Identification", "IdentityDocument", IDENTIFICATION),
      row("Passport", "Passport", IDENTIFICATION),
      row("BankAccount", "BankAccount", THING + " iban bic accountNumber bankName currency openingDate closingDate"),
      row("CryptoWallet", "CryptoWallet", THING + " publicKey currencySymbol=currency balance holder"),
      row("Event", "Event", THING + " startDate=date endDate location=place involved organizer"),
      row("Document", "Document", THING + " title author fileName mimeType language contentHash parent date"),
      row("Sanction", "Sanction", "entity authority authorityId program reason provisions status listingDate"
          + " startDate endDate country summary sourceUrl"),
      row("Ownership", "Ownership", INTERVAL + " owner asset percentage role"),
      row("Directorship", "Directorship", INTERVAL + " director organization role"),
      row("Membership", "Membership", INTERVAL + " member organization role"),
      row("Employment", "Employment", INTERVAL + " employee employer role"),
      row("Family", "Family", INTERVAL + " person relative relationship"),
      row("Associate", "Associate", INTERVAL + " person associate relationship"),
      // caller/receiver and their numbers are read and written side by side (FtmReader, FtmWriter; docs/ftm.md)
      row("Call", "Call", INTERVAL + " duration"),
      row("Payment", "Transfer", INTERVAL + " payer beneficiary payerAccount beneficiaryAccount amount currency"
          + " purpose date")));

  /**
   * One row of the table: an FtM schema, the type it is held as, and its FtM properties with the property each is
   * held as (the same name unless the table renames it).
   *
   * @param ftmSchema the FtM schema name, e.g. {@code Payment}
   * @param type our type, e.g. {@code Transfer}
   * @param properties FtM property → our property, in table order
   */
  public record SchemaMapping(String ftmSchema, String type, Map<String, String> properties) {
    public SchemaMapping {
      Objects.requireNonNull(ftmSchema, "ftmSchema");
      Objects.requireNonNull(type, "type");
      properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** Our property for an FtM property of this schema, if the table holds it. */
    public Optional<String> property(String ftmProperty) {
      return Optional.ofNullable(properties.get(ftmProperty));
    }

    /** The FtM property for one of our properties of this type, if the table holds it. */
    public Optional<String> ftmProperty(String property) {
      for (Map.Entry<String, String> e : properties.entrySet()) {
        if (e.getValue().equals(property)) {
          return Optional.of(e.getKey());
        }
      }
      return Optional.empty();
    }
  }

  private final List<SchemaMapping> rows;
  private final Map<String, SchemaMapping> byFtm = new LinkedHashMap<>();
  private final Map<String, SchemaMapping> byType = new LinkedHashMap<>();

  private FtmMapping(List<SchemaMapping> rows) {
    this.rows = List.copyOf(rows);
    for (SchemaMapping r : rows) {
      byFtm.put(r.ftmSchema(), r);
      byType.put(r.type(), r);
    }
  }

  private static SchemaMapping row(String ftm, String type, String properties) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String p : properties.trim().split("\\s+")) {
      int eq = p.indexOf('=');
      map.put(eq < 0 ? p : p.substring(0, eq), eq < 0 ? p : p.substring(eq + 1));
    }
    return new SchemaMapping(ftm, type, map);
  }

  /** The table this SDK publishes (docs/ftm.md). */
  public static FtmMapping defaults() {
    return DEFAULTS;
  }

  /** Every row, in table order. */
  public List<SchemaMapping> schemata() {
    return rows;
  }

  /** The row of an FtM schema; empty when this SDK does not hold it. */
  public Optional<SchemaMapping> forFtm(String ftmSchema) {
    return Optional.ofNullable(byFtm.get(ftmSchema));
  }

  /** The row of one of our types; empty when FtM has no schema for it (it is then left out of FtM exports). */
  public Optional<SchemaMapping> forType(String type) {
    return Optional.ofNullable(byType.get(type));
  }

  /**
   * Every row whose type or property {@code schema} does not hold, one line each; empty when the table fits the
   * schema (a deployment that extends the schema can check it still does).
   */
  public List<String> check(Schema schema) {
    List<String> problems = new ArrayList<>();
    for (SchemaMapping r : rows) {
      Optional<EntityType> t = schema.find(r.type());
      if (t.isEmpty()) {
        problems.add("FtM " + r.ftmSchema() + " maps to type " + r.type() + ", which the schema does not have");
        continue;
      }
      for (Map.Entry<String, String> p : r.properties().entrySet()) {
        if (!t.get().has(p.getValue())) {
          problems.add("FtM " + r.ftmSchema() + "." + p.getKey() + " maps to " + r.type() + "." + p.getValue()
              + ", which the schema does not have");
        }
      }
    }
    return problems;
  }
}
