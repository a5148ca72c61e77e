package org.insight.nlp.internal.selector;

import java.util.Set;

/** A small embedded list of common top-level domains, for bare-domain detection (not a full PSL). */
final class Tlds {
  private Tlds() {}

  static final Set<String> KNOWN = set(
      // generic
      "com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "name", "pro", "mobi", "aero", "coop", "museum",
      "io", "app", "dev", "xyz", "top", "online", "site", "club", "shop", "store", "tech", "live", "life", "world",
      "news", "blog", "cloud", "email", "link", "click", "space", "website", "digital", "network", "agency", "media",
      "onion", "tk", "ml", "ga", "cf", "gq", "icu", "vip", "win", "bid", "loan", "work", "fun", "today", "host",
      "services", "support", "bank", "money", "finance", "capital", "exchange", "market", "trade", "casino", "bet",
      "poker", "crypto", "eth", "sex", "xxx", "adult", "porn", "dating",
      // country codes
      "ac", "ad", "ae", "af", "ag", "al", "am", "ao", "ar", "at", "au", "az", "ba", "bd", "be", "bf", "bg", "bh", "bj",
      "bo", "br", "bs", "bw", "by", "bz", "ca", "cc", "cd", "ch", "ci", "cl", "cm", "cn", "co", "cr", "cu", "cv", "cy",
      "cz", "de", "dj", "dk", "dz", "ec", "ee", "eg", "es", "et", "eu", "fi", "fj", "fm", "fr", "ge", "gh", "gi", "gl",
      "gm", "gr", "gt", "hk", "hn", "hr", "ht", "hu", "id", "ie", "il", "im", "in", "iq", "ir", "is", "it", "je", "jm",
      "jo", "jp", "ke", "kg", "kh", "kr", "kw", "kz", "la", "lb", "li", "lk", "lt", "lu", "lv", "ly", "ma", "mc", "md",
      "me", "mg", "mk", "mn", "mo", "mt", "mu", "mv", "mx", "my", "mz", "na", "ng", "ni", "nl", "no", "np", "nu", "nz",
      "om", "pa", "pe", "ph", "pk", "pl", "pr", "ps", "pt", "py", "qa", "ro", "rs", "ru", "rw", "sa", "sc", "sd", "se",
      "sg", "si", "sk", "sn", "so", "st", "su", "sv", "sy", "th", "tj", "tm", "tn", "to", "tr", "tt", "tv", "tw", "tz",
      "ua", "ug", "uk", "us", "uy", "uz", "va", "ve", "vg", "vn", "ws", "ye", "za", "zm", "zw", "ai", "sh", "md", "rs",
      "cx", "gg", "ly", "fo", "lc", "ms", "nf", "pw", "re", "sx", "tc", "tl", "vc", "vu", "wf", "yt");

  /** TLDs that double as common file extensions: a bare domain ending in one needs {@code www.} or 3+ labels. */
  static final Set<String> AMBIGUOUS = set("ai", "sh", "py", "md", "rs", "pl", "ps", "cs", "so", "ml", "mk", "st",
      "re", "ms", "am", "do", "la", "ma", "mo", "pa", "sa", "tm", "ws", "ac", "cc", "cd", "in", "sc", "bz", "ga", "cx");

  private static Set<String> set(String... names) {
    return Set.copyOf(java.util.Arrays.asList(names));
  }
}
