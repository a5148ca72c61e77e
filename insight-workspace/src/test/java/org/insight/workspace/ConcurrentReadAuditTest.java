package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.insight.core.Dataset;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.policy.AuditLog;
import org.insight.policy.AuditRecord;
import org.insight.policy.AuditVerification;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.search.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit seen from the sessions: many threads reading at once share audit syncs, yet every read has its own
 * entry, naming what that read returned, in one chain that verifies; no entry is lost or merged.
 */
class ConcurrentReadAuditTest {
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;

  @TempDir Path dir;

  @Test
  void everyConcurrentReadHasItsOwnEntryInOneVerifiedChain() throws Exception {
    int threads = 8;
    int perThread = 30;
    Map<String, List<String>> expected = new HashMap<>(); // "principal/call" -> the ids the call returned
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Dataset a = Fixtures.dataset("a", "A");
      Dataset b = Fixtures.dataset("b", "B");
      List<Entity> people = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        people.add(Fixtures.person(i % 2 == 0 ? a : b, "r" + i, "Person Number" + i));
      }
      ws.session(Fixtures.loader("loader"), CI).add(people);
      long before = ws.audit.size();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<Map<String, List<String>>>> futures = new ArrayList<>();
      CountDownLatch start = new CountDownLatch(1);
      try {
        for (int t = 0; t < threads; t++) {
          int thread = t;
          futures.add(pool.submit(() -> {
            // odd threads see only label A, even ones both: entries must carry each reader's own results
            Principal who = thread % 2 == 0 ? Principal.of("reader" + thread, "A", "B") : Principal.of("reader" + thread, "A");
            Session s = ws.session(who, CI);
            Map<String, List<String>> mine = new HashMap<>();
            start.await();
            for (int i = 0; i < perThread; i++) {
              Entity person = people.get((thread + i) % people.size());
              String call = who.id() + "/" + i;
              switch (i % 3) {
                case 0 -> mine.put(call, s.entity(person.id()).map(e -> List.of(e.id().value())).orElse(List.of()));
                case 1 -> mine.put(call, s.entities(List.of(person.id(), people.get(0).id(), EntityId.of("none")))
                    .stream().map(e -> e.id().value()).toList());
                default -> mine.put(call, s.search(Query.name("Person Number" + ((thread + i) % people.size())))
                    .hits().stream().map(h -> h.id()).toList());
              }
            }
            return mine;
          }));
        }
        start.countDown();
        for (Future<Map<String, List<String>>> f : futures) {
          expected.putAll(f.get(180, TimeUnit.SECONDS));
        }
      } finally {
        pool.shutdownNow();
      }
      int calls = threads * perThread;
      assertEquals(before + calls, ws.audit.size(), "one entry per read, none lost");
      // the entries of each reader, in that reader's call order, each naming what its call returned
      Map<String, List<List<String>>> byReader = new HashMap<>();
      for (AuditRecord r : ws.audit.tail(calls)) {
        byReader.computeIfAbsent(r.event().principal(), k -> new ArrayList<>()).add(r.event().items());
      }
      assertEquals(threads, byReader.size(), byReader.keySet().toString());
      for (Map.Entry<String, List<List<String>>> reader : byReader.entrySet()) {
        assertEquals(perThread, reader.getValue().size(), reader.getKey());
        for (int i = 0; i < perThread; i++) {
          assertEquals(expected.get(reader.getKey() + "/" + i), reader.getValue().get(i), reader.getKey() + " call " + i);
        }
      }
      AuditVerification v = ws.verifyAudit();
      assertTrue(v.valid(), v.message());
    }
    AuditVerification v = AuditLog.verify(Workspace.auditFile(dir));
    assertTrue(v.valid(), v.message());
  }
}
