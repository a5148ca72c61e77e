package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK as named modules, as an embedder on the module path gets it: the module descriptors resolve (every
 * {@code requires} is there, no package is split), and the public API works from outside the modules — exports,
 * resources (the schema) and Lucene's service loading included. The tests themselves run on the class path, so
 * without this test a wrong descriptor would only show at an embedder's.
 */
class ModulePathTest {
  @TempDir Path dir;

  @Test
  void theWorkspaceRunsAsNamedModules() throws Exception {
    Map<String, Path> byName = new HashMap<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      try {
        for (ModuleReference ref : ModuleFinder.of(Path.of(entry)).findAll()) {
          byName.putIfAbsent(ref.descriptor().name(), Path.of(entry));
        }
      } catch (FindException e) {
        // a jar no module name can be derived from; nothing the SDK requires may be one
      }
    }
    Set<Path> modulePath = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of("org.insight.workspace"));
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (ModuleFinder.ofSystem().find(name).isPresent()) {
        continue;
      }
      Path path = byName.get(name);
      assertTrue(path != null, "module " + name + " is required but on no path of the build");
      if (modulePath.add(path)) {
        ModuleDescriptor d = ModuleFinder.of(path).find(name).orElseThrow().descriptor();
        d.requires().stream().filter(r -> !r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
            .forEach(r -> todo.add(r.name()));
      }
    }
    Configuration cf = ModuleLayer.boot().configuration()
        .resolve(ModuleFinder.of(modulePath.toArray(Path[]::new)), ModuleFinder.of(), Set.of("org.insight.workspace"));
    ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
    for (String sdk : List.of("org.insight.policy", "org.insight.core", "org.insight.search", "org.insight.workspace")) {
      Module m = layer.findModule(sdk).orElseThrow();
      assertFalse(m.getDescriptor().isAutomatic(), sdk + " has a module-info");
      assertFalse(m.getDescriptor().exports().stream().anyMatch(e -> e.source().endsWith(".internal")
          && !e.isQualified()), sdk + " exports an internal package to everyone");
    }

    URL probeClasses = ModulePathProbe.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader probeLoader = new URLClassLoader(new URL[] {probeClasses},
        layer.findLoader("org.insight.workspace"))) {
      Class<?> probe = probeLoader.loadClass(ModulePathProbe.class.getName());
      assertTrue(probe != ModulePathProbe.class, "the probe must run against the layer, not the class path");
      @SuppressWarnings("unchecked")
      Callable<String> call = (Callable<String>) probe.getConstructor(Path.class).newInstance(dir);
      assertEquals("named=true module=org.insight.workspace birthDate=1975-03-14 hits=1 bob=0 geo=FR area=true", call.call());
    }
  }
}
