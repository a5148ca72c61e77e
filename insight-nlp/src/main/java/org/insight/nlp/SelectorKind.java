package org.insight.nlp;

/** The kinds of selector {@link SelectorExtractor} finds: strong identifiers an analyst can search or task on. */
public enum SelectorKind {
  /** An e-mail address; value: local part as written, domain lowercased. */
  EMAIL,
  /** A telephone number valid for its region (libphonenumber); value: E.164. */
  PHONE,
  /** An IBAN passing its length and mod-97 checks; value: compact, uppercase. */
  IBAN,
  /** A payment card number (known IIN, Luhn valid); value: the digits; details {@code brand}, {@code masked}. */
  PAYMENT_CARD,
  /** A 15-digit IMEI (Luhn valid); value: the digits. */
  IMEI,
  /** A dotted-quad IPv4 address. */
  IPV4,
  /** An IPv6 address; value: RFC 5952 canonical form (compressed, lowercase). */
  IPV6,
  /** An http, https or ftp URL with a host; value: as found, minus trailing punctuation. */
  URL,
  /** A bare domain name with a known top-level domain; value: lowercase. */
  DOMAIN,
  /** A Bitcoin address (base58check P2PKH/P2SH or bech32/bech32m); value: as found. */
  BITCOIN,
  /** An Ethereum address; value: lowercase {@code 0x…}; details {@code checksum} = {@code valid} or {@code none}. */
  ETHEREUM,
  /** A machine-readable zone (ICAO 9303 TD1, TD2 or TD3), every check digit valid; value: the document number. */
  MRZ,
  /** A vehicle identification number (ISO 3779); value: uppercase. */
  VIN,
  /** A calendar date; value: ISO 8601, possibly partial ({@code 2026-04}). */
  DATE,
  /** A latitude/longitude pair; value: {@code "lat,lon"} in decimal degrees, at most 6 decimals. */
  COORDINATES
}
