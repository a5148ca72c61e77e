package org.insight.nlp.internal.selector;

/**
 * Overlap ranks, in one place so their order can be read at a glance: the more specific, better-validated kind wins
 * a conflict (an IBAN over a phone number inside it, a URL over its domain, a cued IMEI over a card).
 */
final class Rank {
  static final int MRZ = 100;
  static final int IBAN = 95;
  static final int URL = 90;
  static final int EMAIL = 88;
  static final int ETH = 86;
  static final int BTC = 85;
  static final int IMEI_CUE = 84;
  static final int CARD = 80;
  static final int IMEI = 78;
  static final int VIN = 76;
  static final int IPV6 = 74;
  static final int IPV4 = 72;
  static final int COORD = 70;
  static final int DATE = 65;
  static final int PHONE = 50;
  static final int DOMAIN = 40;

  private Rank() {}
}
