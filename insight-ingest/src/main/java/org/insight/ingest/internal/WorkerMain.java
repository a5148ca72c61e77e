package org.insight.ingest.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * The worker process: reads requests from stdin, extracts, writes results to stdout, one at a time.
 *
 * <p>Frames: a 4-byte magic, then the encoded {@link Request} or {@link Node}. The process writes
 * {@link #READY} once Tika is loaded. {@code System.out} is pointed at stderr so a parser that prints cannot
 * corrupt the frames (the host also skips stray bytes up to the next magic). Started with
 * {@code -XX:+ExitOnOutOfMemoryError}: a parse that exhausts the heap ends the process, and the host
 * reports CRASHED for that item and starts a new worker. A watchdog ends the process if its host is gone.
 */
public final class WorkerMain {
  static final int READY = 0x494E5352; // "INSR"
  static final int REQUEST = 0x494E5351; // "INSQ"
  static final int RESPONSE = 0x494E5341; // "INSA"

  private WorkerMain() {}

  @SuppressForbidden(reason = "a worker process: stdout carries the frames, stderr is its log, read by the host")
  public static void main(String[] args) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out),
        1 << 16));
    System.setOut(System.err);
    watchParent();
    DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
    TikaWorker worker = new TikaWorker();
    out.writeInt(READY);
    out.flush();
    while (true) {
      int magic;
      try {
        magic = in.readInt();
      } catch (EOFException e) {
        return; // the host closed the pipe: done
      }
      if (magic != REQUEST) {
        System.err.println("insight worker: bad request frame " + Integer.toHexString(magic));
        Runtime.getRuntime().halt(2);
      }
      Request request = Request.read(in);
      Node node = worker.extract(request);
      out.writeInt(RESPONSE);
      node.write(out);
      out.flush();
    }
  }

  private static void watchParent() {
    Optional<ProcessHandle> parent = ProcessHandle.current().parent();
    Thread t = new Thread(() -> {
      while (true) {
        try {
          Thread.sleep(2_000);
        } catch (InterruptedException e) {
          return;
        }
        if (parent.isEmpty() || !parent.get().isAlive()) {
          Runtime.getRuntime().halt(0);
        }
      }
    }, "insight-worker-watchdog");
    t.setDaemon(true);
    t.start();
  }
}
