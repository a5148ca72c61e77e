package org.insight;

/**
 * The one way builders refuse a setting given twice: an {@link IllegalStateException} naming the setting and the
 * value it already has, as the JDK reports misuse. A builder takes each setting once, so a second call is a bug in
 * the caller, not a change of mind to honour silently.
 */
public final class BuilderGuard {
  private BuilderGuard() {}

  /**
   * Refuses {@code setting} when it already has a value ({@code current} is not null).
   *
   * @throws IllegalStateException "threshold was already set to 0.9; set it once"
   */
  public static void requireUnset(Object current, String setting) {
    if (current != null) {
      throw alreadySet(setting, current);
    }
  }

  /**
   * Refuses {@code setting} when {@code set}, for settings whose unset state is not null (primitives, defaults);
   * {@code current} is the value it has.
   *
   * @throws IllegalStateException "workers was already set to 4; set it once"
   */
  public static void requireUnset(boolean set, String setting, Object current) {
    if (set) {
      throw alreadySet(setting, current);
    }
  }

  private static IllegalStateException alreadySet(String setting, Object current) {
    return new IllegalStateException(setting + " was already set to " + current + "; set it once");
  }
}
