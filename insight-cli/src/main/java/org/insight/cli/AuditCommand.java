package org.insight.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.insight.policy.AuditCheckpoint;
import org.insight.policy.AuditKey;
import org.insight.policy.CheckpointKeys;
import org.insight.workspace.Workspace;
import picocli.CommandLine.ParameterException;
import org.insight.policy.AuditLog;
import org.insight.policy.AuditVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Check the workspace's hash-chained audit log, save a (signed) checkpoint of it, or make keys.",
    subcommands = {AuditCommand.Verify.class, AuditCommand.Checkpoint.class, AuditCommand.Keygen.class})
final class AuditCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Report the first altered, removed, inserted or reordered entry; with --key, also forged or"
          + " re-chained entries; with --checkpoint, also truncation, rollback or deletion of the log (and, with"
          + " --public-key, a forged checkpoint). Says plainly when the log is unkeyed. Exit 1 when the log is not"
          + " intact.")
  static final class Verify implements Callable<Integer> {
    @Mixin SessionOptions session;
    @Spec CommandSpec spec;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "A checkpoint saved earlier by 'insight audit checkpoint'.")
    Path checkpoint;

    @Option(names = "--key", paramLabel = "FILE", description = "The audit key file, to check every keyed entry's MAC"
        + " (default: --audit-key or $INSIGHT_AUDIT_KEY).")
    Path keyFile;

    @Option(names = "--public-key", paramLabel = "FILE", description = "The Ed25519 public key (PEM) that checks"
        + " the checkpoint's signature.")
    Path publicKey;

    @Override
    public Integer call() throws Exception {
      AuditKey key = keyFile != null
          ? Arguments.parse(spec, "--key", () -> AuditKey.read(keyFile))
          : session.auditKey();
      AuditCheckpoint cp = null;
      if (checkpoint != null) {
        String text = Files.readString(checkpoint, StandardCharsets.UTF_8).trim();
        cp = Arguments.parse(spec, "--checkpoint", () -> AuditCheckpoint.parse(text));
      }
      PublicKey pub = publicKey == null ? null : Arguments.parse(spec, "--public-key", () -> CheckpointKeys.readPublic(publicKey));
      if (pub != null && cp == null) {
        throw new ParameterException(spec.commandLine(), "--public-key checks a checkpoint's signature: give --checkpoint FILE too");
      }
      Path log = Workspace.auditFile(session.workspaceDir());
      AuditVerification v;
      if (cp != null && pub != null && !cp.signatureValid(pub)) {
        v = AuditVerification.failed(0, 0, 0, AuditVerification.Problem.BAD_SIGNATURE, cp.signed()
            ? "the checkpoint's signature does not verify with the public key: the checkpoint was forged or altered,"
                + " or the key is not the one that signed it"
            : "the checkpoint is not signed, so the public key cannot vouch for it; take checkpoints with"
                + " 'insight audit checkpoint --sign-key FILE'");
      } else if (cp != null && cp.entries() > 0) {
        v = AuditLog.verify(log, key, cp); // a missing log is reported as deleted
      } else {
        log = session.existingAuditLog();
        v = AuditLog.verify(log, key, cp);
      }
      if (v.valid() && cp != null && cp.signed() && pub == null) {
        v = v.with(v.message() + "; the checkpoint's signature was NOT checked (give --public-key FILE)", v.integrity(),
            v.unkeyedEntries());
      } else if (v.valid() && cp != null && pub != null) {
        v = v.with(v.message() + "; the checkpoint's signature is valid", v.integrity(), v.unkeyedEntries());
      }
      var out = spec.commandLine().getOut();
      if (session.json) {
        var n = Json.object();
        n.put("valid", v.valid());
        n.put("entries", v.entriesChecked());
        n.put("problem", v.problem().name());
        n.put("firstBadSequence", v.firstBadSequence());
        n.put("firstBadLine", v.firstBadLine());
        n.put("message", v.message());
        n.put("integrity", v.integrity().name());
        n.put("unkeyedEntries", v.unkeyedEntries());
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

    @Option(names = "--sign-key", paramLabel = "FILE", description = "Sign the checkpoint with this Ed25519 private"
        + " key (PEM), so auditors holding the public key can tell it is genuine.")
    Path signKey;

    @Override
    public Integer call() throws Exception {
      Path log = session.existingAuditLog();
      AuditKey key = session.auditKey();
      PrivateKey signer = signKey == null ? null : Arguments.parse(spec, "--sign-key", () -> CheckpointKeys.readPrivate(signKey));
      AuditVerification v = AuditLog.verify(log, key, null);
      if (!v.valid()) {
        throw new CommandFailure("refusing to checkpoint a broken log: " + v.message());
      }
      AuditCheckpoint cp;
      try (AuditLog audit = AuditLog.open(log, key)) {
        cp = audit.checkpoint();
      }
      if (signer != null) {
        cp = cp.signedWith(signer);
      }
      if (outFile != null) {
        Files.writeString(outFile, cp + "\n", StandardCharsets.UTF_8);
      }
      if (session.json) {
        var n = Render.versioned().put("checkpoint", cp.toString()).put("entries", cp.entries()).put("signed", cp.signed());
        Render.print(spec.commandLine().getOut(), outFile == null ? n : n.put("file", outFile.toString()));
      } else {
        spec.commandLine().getOut().println(outFile == null ? cp.toString() : "saved " + cp + " to " + outFile);
      }
      return 0;
    }
  }

  @Command(name = "keygen", mixinStandardHelpOptions = true,
      description = "Make a new audit key (HMAC-SHA256, for --audit-key) or an Ed25519 key pair for signing"
          + " checkpoints. Never overwrites a file. Keep the files off the workspace's host.")
  static final class Keygen implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "Write a new audit key (HMAC-SHA256) here.")
    Path out;

    @Option(names = "--signing", paramLabel = "FILE", description = "Write a new Ed25519 private key (PEM) here, for"
        + " 'audit checkpoint --sign-key'.")
    Path signing;

    @Option(names = "--public", paramLabel = "FILE", description = "Write the matching public key (PEM) here, for"
        + " 'audit verify --public-key'.")
    Path publicFile;

    @Override
    public Integer call() {
      if (out == null && signing == null) {
        throw new ParameterException(spec.commandLine(), "give --out FILE (an audit key) or --signing FILE --public FILE (a checkpoint key pair)");
      }
      if ((signing == null) != (publicFile == null)) {
        throw new ParameterException(spec.commandLine(), "--signing and --public go together");
      }
      var printed = spec.commandLine().getOut();
      if (out != null) {
        AuditKey.generate().write(out);
        printed.println("wrote a new audit key to " + out + " (key id " + AuditKey.read(out).id() + ")");
      }
      if (signing != null) {
        CheckpointKeys.generate(signing, publicFile);
        printed.println("wrote an Ed25519 private key to " + signing + " and its public key to " + publicFile);
      }
      return 0;
    }
  }
}
