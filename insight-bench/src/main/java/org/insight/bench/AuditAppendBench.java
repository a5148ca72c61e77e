package org.insight.bench;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Two builds of the audit log side by side in one JVM: a baseline {@code insight-policy} jar (main's) and this
 * build's, each in its own class loader, appending a search's entry (ten ids) in alternating blocks so that the disk's
 * load moves both alike. Prints each one's append latency (write + {@code fdatasync}) p50/p99/mean and the ratios.
 *
 * <pre>
 * java -cp "insight-bench-*.jar:lib/*" org.insight.bench.AuditAppendBench BASE_POLICY_JAR [BLOCKS] [PER_BLOCK] [DIR]
 * </pre>
 */
public final class AuditAppendBench {

  private AuditAppendBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: AuditAppendBench BASE_POLICY_JAR [BLOCKS] [PER_BLOCK] [DIR]");
      System.exit(2);
    }
    int blocks = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    int per = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    Path dir = Files.createTempDirectory(args.length > 3 ? Path.of(args[3]) : Path.of(System.getProperty("java.io.tmpdir")),
        "audit-append-bench");
    URL ours = org.insight.policy.AuditLog.class.getProtectionDomain().getCodeSource().getLocation();
    URL slf4j = Class.forName("org.slf4j.Logger").getProtectionDomain().getCodeSource().getLocation();
    URL[] jars = {Path.of(args[0]).toUri().toURL(), ours};
    String[] names = {"base", "this build"};
    Object[] logs = new Object[2];
    Method[] append = new Method[2];
    Constructor<?>[] event = new Constructor<?>[2];
    for (int k = 0; k < 2; k++) {
      // parent null: each loader sees only its own policy classes (and SLF4J, which both use as is)
      ClassLoader loader = new URLClassLoader(new URL[] {jars[k], slf4j}, null);
      Class<?> log = loader.loadClass("org.insight.policy.AuditLog");
      Class<?> ev = loader.loadClass("org.insight.policy.AuditEvent");
      logs[k] = log.getMethod("open", Path.class).invoke(null, dir.resolve("audit-" + k + ".log"));
      append[k] = log.getMethod("append", ev);
      event[k] = ev.getConstructor(Instant.class, String.class, String.class, String.class, String.class, List.class,
          String.class);
    }
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ids.add("doc-" + (1000 + i));
    }
    long[][] t = new long[2][blocks * per];
    int[] n = new int[2];
    for (int b = 0; b < blocks; b++) {
      for (int j = 0; j < 2; j++) {
        int k = b % 2 == 0 ? j : 1 - j;
        for (int i = 0; i < per; i++) {
          Object e = event[k].newInstance(Instant.now(), "bench", "investigation", "search", "blue van " + i, ids, "ok");
          long s = System.nanoTime();
          append[k].invoke(logs[k], e);
          t[k][n[k]++] = System.nanoTime() - s;
        }
      }
    }
    double[] p50 = new double[2];
    double[] p99 = new double[2];
    double[] mean = new double[2];
    for (int k = 0; k < 2; k++) {
      ((AutoCloseable) logs[k]).close();
      Arrays.sort(t[k]);
      p50[k] = t[k][t[k].length / 2] / 1e6;
      p99[k] = t[k][(int) (t[k].length * 0.99)] / 1e6;
      mean[k] = Arrays.stream(t[k]).average().orElse(0) / 1e6;
      System.out.printf(Locale.ROOT, "audit append, %-10s  p50 %.3f ms  p99 %.3f ms  mean %.3f ms  (%d appends)%n", names[k],
          p50[k], p99[k], mean[k], t[k].length);
    }
    System.out.printf(Locale.ROOT, "this build / base: p50 %.2fx  p99 %.2fx  mean %.2fx  (%d blocks of %d, alternated)%n",
        p50[1] / p50[0], p99[1] / p99[0], mean[1] / mean[0], blocks, per);
  }
}
