package org.insight.match.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Phone numbers and e-mail addresses as their comparisons and blocking keys see them. Not API.
 *
 * <p>Phones arrive in E.164 ({@code +447911123456}) or, from records without a country code, as national digits
 * ({@code 07911123456}). The same line written both ways shares its national significant number, whose last eight
 * digits identify it in practice (subscriber numbers are 7–10 digits almost everywhere), so "same last eight digits"
 * absorbs a missing or different country code and a national trunk prefix (0 in most of Europe, 8 in Russia).
 *
 * <p>E-mails: the local part is compared case-insensitively (every large provider treats it so); "provider
 * normalisation" removes a {@code +tag} (sub-addressing, honoured by Gmail, Outlook, Fastmail, ProtonMail, iCloud)
 * and, at Gmail, the dots of the local part, which Gmail ignores ({@code j.o.smith@googlemail.com} is
 * {@code josmith@gmail.com}).
 */
public final class Contacts {

  /** Digits of the national significant number that identify a line. */
  static final int SUBSCRIBER_DIGITS = 8;

  /** Local parts shared by many unrelated people or organisations: no evidence about a person. */
  private static final Set<String> ROLE_ACCOUNTS = Set.of(
      "info", "contact", "admin", "office", "mail", "email", "support", "sales", "hello", "enquiries", "inquiries",
      "noreply", "no-reply", "webmaster", "postmaster", "test", "user", "contacto", "kontakt", "accueil");

  private static final Set<String> GMAIL = Set.of("gmail.com", "googlemail.com");

  private Contacts() {}

  /** The digits of a phone value ({@code +44 7911…} → {@code 447911…}). */
  public static String phoneDigits(String phone) {
    StringBuilder sb = new StringBuilder(phone.length());
    for (int i = 0; i < phone.length(); i++) {
      char c = phone.charAt(i);
      if (c >= '0' && c <= '9') {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The phone's blocking key: its last eight digits (all of them when shorter). */
  public static String phoneKey(String phone) {
    String d = phoneDigits(phone);
    return d.length() <= SUBSCRIBER_DIGITS ? stripTrunk(d) : d.substring(d.length() - SUBSCRIBER_DIGITS);
  }

  private static String stripTrunk(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }

  /** Phone levels: 1 exact, 2 same national number (last eight digits), 3 one digit typo or transposition, 4 else. */
  static int phoneLevel(String x, String y) {
    String a = phoneDigits(x);
    String b = phoneDigits(y);
    if (a.isEmpty() || b.isEmpty()) {
      return x.equals(y) ? 1 : 4;
    }
    if (a.equals(b)) {
      return 1;
    }
    if (a.length() >= SUBSCRIBER_DIGITS && b.length() >= SUBSCRIBER_DIGITS) {
      String ta = a.substring(a.length() - SUBSCRIBER_DIGITS);
      String tb = b.substring(b.length() - SUBSCRIBER_DIGITS);
      if (ta.equals(tb)) {
        return 2;
      }
      return oneTypo(ta, tb) ? 3 : 4;
    }
    // a short (local) number: the same line when, without its trunk zeros, it ends the other
    String sa = stripTrunk(a);
    String sb = stripTrunk(b);
    String shorter = sa.length() <= sb.length() ? sa : sb;
    String longer = shorter == sa ? sb : sa;
    if (shorter.length() >= 6 && longer.endsWith(shorter)) {
      return 2;
    }
    return sa.length() == sb.length() && sa.length() >= 6 && oneTypo(sa, sb) ? 3 : 4;
  }

  /** Equal-length digit strings one substitution or one adjacent transposition apart. */
  static boolean oneTypo(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    int first = -1;
    int diffs = 0;
    for (int i = 0; i < a.length(); i++) {
      if (a.charAt(i) != b.charAt(i)) {
        if (first < 0) {
          first = i;
        }
        diffs++;
      }
    }
    if (diffs == 1) {
      return true;
    }
    return diffs == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
        && a.charAt(first + 1) == b.charAt(first);
  }

  /** The e-mail lowercased (its exact form for comparison). */
  public static String emailLower(String email) {
    return email.toLowerCase(Locale.ROOT);
  }

  /** The e-mail after provider normalisation: lowercased, {@code +tag} removed, Gmail's dots removed. */
  public static String emailNormalised(String email) {
    String s = emailLower(email);
    int at = s.lastIndexOf('@');
    if (at < 0) {
      return s;
    }
    String local = s.substring(0, at);
    String domain = s.substring(at + 1);
    int plus = local.indexOf('+');
    if (plus > 0) {
      local = local.substring(0, plus);
    }
    if (GMAIL.contains(domain)) {
      local = local.replace(".", "");
      domain = "gmail.com";
    }
    return local + "@" + domain;
  }

  /**
   * E-mail levels: 1 exact (case-insensitive), 2 same after provider normalisation, 3 same local part (normalised,
   * four characters or more, not a role account such as {@code info}) at another domain, 4 else.
   */
  static int emailLevel(String x, String y) {
    if (x.equalsIgnoreCase(y)) {
      return 1;
    }
    String a = emailNormalised(x);
    String b = emailNormalised(y);
    if (a.equals(b)) {
      return 2;
    }
    String la = local(a);
    String lb = local(b);
    // Gmail's dots are gone from one side only: compare local parts without dots on both
    String da = la.replace(".", "");
    if (da.length() >= 4 && da.equals(lb.replace(".", "")) && !ROLE_ACCOUNTS.contains(da)
        && !ROLE_ACCOUNTS.contains(la) && !ROLE_ACCOUNTS.contains(lb)) {
      return 3;
    }
    return 4;
  }

  private static String local(String email) {
    int at = email.lastIndexOf('@');
    return at < 0 ? email : email.substring(0, at);
  }
}
