package org.insight.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Executable;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The wall a {@code module-info} would give, checked instead: Spark's jars carry no module names (and
 * {@code spark-sql_2.13} derives none), so this module cannot be a named module that requires them, and its
 * {@code .internal} packages cannot be hidden by exports. What it can promise is that nothing public in the API
 * packages ({@code org.insight.spark}, {@code org.insight.spark.cli}) names an internal type, so an embedder never
 * needs one: this test reads every public signature there.
 */
class ApiWallTest {
  private static final String INTERNAL = "org.insight.spark.internal";

  @Test
  void noPublicSignatureOfTheApiPackagesNamesAnInternalType() throws Exception {
    List<String> leaks = new ArrayList<>();
    List<Class<?>> api = apiClasses();
    assertTrue(api.size() >= 10, "the API classes were found: " + api);
    for (Class<?> c : api) {
      if (!Modifier.isPublic(c.getModifiers())) {
        continue;
      }
      check(c + " extends", c.getGenericSuperclass(), leaks);
      for (Type t : c.getGenericInterfaces()) {
        check(c + " implements", t, leaks);
      }
      for (var f : c.getDeclaredFields()) {
        if (visible(f)) {
          check(f.toString(), f.getGenericType(), leaks);
        }
      }
      List<Executable> executables = new ArrayList<>(List.of(c.getDeclaredMethods()));
      executables.addAll(List.of(c.getDeclaredConstructors()));
      for (Executable e : executables) {
        if (!visible(e) || e.isSynthetic()) {
          continue;
        }
        for (Type t : e.getGenericParameterTypes()) {
          check(e.toString(), t, leaks);
        }
        for (Type t : e.getGenericExceptionTypes()) {
          check(e.toString(), t, leaks);
        }
        if (e instanceof java.lang.reflect.Method m) {
          check(m.toString(), m.getGenericReturnType(), leaks);
        }
      }
    }
    assertEquals(List.of(), leaks, "public API signatures naming internal types");
  }

  private static boolean visible(Member m) {
    return Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers());
  }

  private static void check(String where, Type type, List<String> leaks) {
    if (type != null && type.getTypeName().contains(INTERNAL)) {
      leaks.add(where + " -> " + type.getTypeName());
    }
  }

  private static List<Class<?>> apiClasses() throws URISyntaxException, java.io.IOException, ClassNotFoundException {
    Path root = Path.of(ExtractJob.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> out = new ArrayList<>();
    for (String pkg : List.of("org/insight/spark", "org/insight/spark/cli")) {
      try (Stream<Path> files = Files.list(root.resolve(pkg))) {
        for (Path p : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
          String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
          out.add(Class.forName(name, false, ApiWallTest.class.getClassLoader()));
        }
      }
    }
    return out;
  }
}
