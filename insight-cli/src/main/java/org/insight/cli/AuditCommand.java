package org.insight.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.insight.policy.AuditCheckpoint;
import org.insight.policy.AuditLog;
import org.insight.policy.AuditVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Check the workspace's hash-chained audit log, or save a checkpoint of it.",
    subcommands = {AuditCommand.Verify.class, AuditCommand.Checkpoint.class})
final class AuditCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Report the first altered, removed, inserted or reordered entry; with --checkpoint, also truncation or rollback. Exit 1 when the log is not intact.")
  static final class Verify implements Callable<Integer> {
    @Mixin SessionOptions session;
    @Spec CommandSpec spec;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "A checkpoint saved earlier by 'insight audit checkpoint'.")
    Path checkpoint;

    @Override
    public Integer call() throws Exception {
      Path log = session.existingAuditLog();
      AuditVerification v = checkpoint == null
          ? AuditLog.verify(log)
          : AuditLog.verify(log, AuditCheckpoint.parse(Files.readString(checkpoint, StandardCharsets.UTF_8).trim()));
      var out = spec.commandLine().getOut();
      if (session.json) {
        var n = Json.object();
        n.put("valid", v.valid());
        n.put("entries", v.entriesChecked());
        n.put("problem", v.problem().name());
        n.put("firstBadSequence", v.firstBadSequence());
        n.put("firstBadLine", v.firstBadLine());
        n.put("message", v.message());
        Render.print(out, n);
      } else {
        out.println((v.valid() ? "OK: " : "BROKEN: ") + v.message());
      }
      return v.valid() ? 0 : 1;
    }
  }

  @Command(name = "checkpoint", mixinStandardHelpOptions = true,
      description = "Print (or save) the log's entry count and head hash, to check later that nothing was cut off or rolled back.")
  static final class Checkpoint implements Callable<Integer> {
    @Mixin SessionOptions session;
    @Spec CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the checkpoint to this file.")
    Path outFile;

    @Override
    public Integer call() throws Exception {
      Path log = session.existingAuditLog();
      AuditVerification v = AuditLog.verify(log);
      if (!v.valid()) {
        throw new CommandFailure("refusing to checkpoint a broken log: " + v.message());
      }
      AuditCheckpoint cp;
      try (AuditLog audit = AuditLog.open(log)) {
        cp = audit.checkpoint();
      }
      if (outFile != null) {
        Files.writeString(outFile, cp + "\n", StandardCharsets.UTF_8);
      }
      if (session.json) {
        var n = Render.versioned().put("checkpoint", cp.toString()).put("entries", cp.entries());
        Render.print(spec.commandLine().getOut(), outFile == null ? n : n.put("file", outFile.toString()));
      } else {
        spec.commandLine().getOut().println(outFile == null ? cp.toString() : "saved " + cp + " to " + outFile);
      }
      return 0;
    }
  }
}
