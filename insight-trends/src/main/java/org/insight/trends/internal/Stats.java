package org.insight.trends.internal;

/**
 * The few distribution functions the analysis needs, written out so the module carries no numerics library: the
 * normal (Φ and its inverse), the regularized incomplete beta and gamma functions, and from them the Poisson,
 * negative-binomial and binomial tails. Accuracy is about 1e-9 relative over the ranges used, far below the
 * statistical noise of any count.
 */
public final class Stats {
  private Stats() {}

  private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
      771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
      1.5056327351493116e-7};

  /** ln Γ(x) for x &gt; 0 (Lanczos, g = 7). */
  public static double logGamma(double x) {
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    double y = x - 1;
    double a = LANCZOS[0];
    double t = y + 7.5;
    for (int i = 1; i < 9; i++) {
      a += LANCZOS[i] / (y + i);
    }
    return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
  }

  /** P(Z &gt; z) for a standard normal Z, accurate in the far tail too. */
  public static double normalUpper(double z) {
    return 0.5 * erfc(z / Math.sqrt(2));
  }

  /** erfc by its continued fraction in the tail and its series near 0 (via the incomplete gamma function). */
  static double erfc(double x) {
    if (x < 0) {
      return 2 - erfc(-x);
    }
    return gammaUpper(0.5, x * x);
  }

  /** Φ⁻¹(p), Acklam's rational approximation refined by one Halley step. */
  public static double normalQuantile(double p) {
    if (p <= 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p >= 1) {
      return Double.POSITIVE_INFINITY;
    }
    double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
        -3.066479806614716e+01, 2.506628277459239e+00};
    double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
        -1.328068155288572e+01};
    double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
        4.374664141464968e+00, 2.938163982698783e+00};
    double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
    double x;
    if (p < 0.02425) {
      double q = Math.sqrt(-2 * Math.log(p));
      x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else if (p <= 1 - 0.02425) {
      double q = p - 0.5;
      double r = q * q;
      x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
          / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    } else {
      double q = Math.sqrt(-2 * Math.log(1 - p));
      x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    double e = normalUpper(-x) - p; // Φ(x) − p
    double u = e * Math.sqrt(2 * Math.PI) * Math.exp(x * x / 2);
    return x - u / (1 + x * u / 2);
  }

  /** The regularized lower incomplete gamma P(a, x). */
  public static double gammaLower(double a, double x) {
    if (x <= 0) {
      return 0;
    }
    return x < a + 1 ? gammaSeries(a, x) : 1 - gammaFraction(a, x);
  }

  /** The regularized upper incomplete gamma Q(a, x) = 1 − P(a, x), computed directly in its tail. */
  public static double gammaUpper(double a, double x) {
    if (x <= 0) {
      return 1;
    }
    return x < a + 1 ? 1 - gammaSeries(a, x) : gammaFraction(a, x);
  }

  private static double gammaSeries(double a, double x) {
    double ap = a;
    double sum = 1 / a;
    double del = sum;
    for (int n = 0; n < 10_000; n++) {
      ap++;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * 1e-15) {
        break;
      }
    }
    return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
  }

  private static double gammaFraction(double a, double x) {
    double tiny = 1e-300;
    double b = x + 1 - a;
    double c = 1 / tiny;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < 10_000; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      if (Math.abs(d) < tiny) {
        d = tiny;
      }
      c = b + an / c;
      if (Math.abs(c) < tiny) {
        c = tiny;
      }
      d = 1 / d;
      double del = d * c;
      h *= del;
      if (Math.abs(del - 1) < 1e-15) {
        break;
      }
    }
    return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
  }

  /** The regularized incomplete beta I_x(a, b). */
  public static double beta(double x, double a, double b) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
    if (x < (a + 1) / (a + b + 2)) {
      return front * betaFraction(x, a, b) / a;
    }
    return 1 - front * betaFraction(1 - x, b, a) / b;
  }

  private static double betaFraction(double x, double a, double b) {
    double tiny = 1e-300;
    double qab = a + b;
    double qap = a + 1;
    double qam = a - 1;
    double c = 1;
    double d = 1 - qab * x / qap;
    if (Math.abs(d) < tiny) {
      d = tiny;
    }
    d = 1 / d;
    double h = d;
    for (int m = 1; m < 100_000; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1 + aa * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = 1 + aa / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      h *= d * c;
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1 + aa * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = 1 + aa / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      double del = d * c;
      h *= del;
      if (Math.abs(del - 1) < 1e-15) {
        break;
      }
    }
    return h;
  }

  /** The x with I_x(a, b) = p, by bisection (monotone in x). */
  public static double betaQuantile(double p, double a, double b) {
    double lo = 0;
    double hi = 1;
    for (int i = 0; i < 100; i++) {
      double mid = (lo + hi) / 2;
      if (beta(mid, a, b) < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  /**
   * P(Y ≤ y) for a count with mean {@code mu} and negative-binomial dispersion {@code alpha} (variance
   * μ + αμ²; Poisson when α = 0).
   */
  public static double countCdf(long y, double mu, double alpha) {
    if (y < 0) {
      return 0;
    }
    if (mu <= 0) {
      return 1;
    }
    if (alpha <= 0) {
      return gammaUpper(y + 1, mu);
    }
    double r = 1 / alpha;
    return beta(r / (r + mu), r, y + 1);
  }

  /** P(Y &gt; y), computed in the upper tail directly. */
  public static double countUpper(long y, double mu, double alpha) {
    if (y < 0) {
      return 1;
    }
    if (mu <= 0) {
      return 0;
    }
    if (alpha <= 0) {
      return gammaLower(y + 1, mu);
    }
    double r = 1 / alpha;
    return beta(mu / (r + mu), y + 1, r);
  }

  /** P(Y = y). */
  public static double countPmf(long y, double mu, double alpha) {
    if (mu <= 0) {
      return y == 0 ? 1 : 0;
    }
    if (alpha <= 0) {
      return Math.exp(y * Math.log(mu) - mu - logGamma(y + 1));
    }
    double r = 1 / alpha;
    return Math.exp(logGamma(y + r) - logGamma(r) - logGamma(y + 1) + r * Math.log(r / (r + mu))
        + y * Math.log(mu / (r + mu)));
  }

  /**
   * The mid-p quantile residual of a count: Φ⁻¹(P(Y &lt; y) + ½P(Y = y)). Under the model it is close to standard
   * normal even for small means, where (y − μ)/σ is badly skewed (Dunn and Smyth 1996, without randomisation).
   */
  public static double midPResidual(long y, double mu, double alpha) {
    double pmf = countPmf(y, mu, alpha);
    double upper = countUpper(y, mu, alpha) + 0.5 * pmf;
    double lower = countCdf(y - 1, mu, alpha) + 0.5 * pmf;
    double z = upper < lower ? -normalQuantile(upper) : normalQuantile(lower);
    if (Double.isInfinite(z) || Double.isNaN(z)) {
      // a tail beyond double precision (2,000 events where 25 were expected): the Poisson deviance residual keeps
      // the order of such counts, where the quantile would make them all infinite and alike
      double d = y == 0 ? 2 * mu : 2 * (y * Math.log(y / mu) - (y - mu));
      return Math.signum(y - mu) * Math.sqrt(Math.max(0, d));
    }
    return z;
  }

  /** The two-sided p-value of {@code k} successes in {@code n} trials with success probability {@code p0}. */
  public static double binomialTwoSided(long k, long n, double p0) {
    if (n == 0) {
      return 1;
    }
    double atLeast = k == 0 ? 1 : beta(p0, k, n - k + 1);
    double atMost = k == n ? 1 : 1 - beta(p0, k + 1, n - k);
    return Math.min(1, 2 * Math.min(atLeast, atMost));
  }
}
