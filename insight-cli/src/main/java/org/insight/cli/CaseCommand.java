package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.policy.Label;
import org.insight.workspace.CaseEvent;
import org.insight.policy.CheckpointKeys;
import org.insight.workspace.CaseItem;
import org.insight.workspace.CasePackage;
import org.insight.workspace.CasePackageImport;
import org.insight.workspace.CaseSummary;
import org.insight.workspace.CaseTarget;
import org.insight.workspace.CaseView;
import org.insight.workspace.Cases;
import org.insight.workspace.PackageOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code insight case}: shared cases — members, material, notes and annotations, tasks, history. */
@Command(name = "case", mixinStandardHelpOptions = true,
    description = {"Cases shared by analysts: each member sees a case only as far as its own clearance and purpose"
        + " allow; a non-member cannot tell the case exists. Notes and annotations carry the conjunction of the"
        + " case's label, the label given (--label) and the labels of what they are about. Edits name the version"
        + " they are based on (--version) and are refused, with nothing written, if someone changed the item since."},
    subcommands = {CaseCommand.Create.class, CaseCommand.Add.class, CaseCommand.Note.class, CaseCommand.Task.class,
        CaseCommand.Show.class, CaseCommand.ListCases.class, CaseCommand.ExportPackage.class,
        CaseCommand.ImportPackage.class})
final class CaseCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** An optional label expression: null means the case's label. */
  static Label label(CommandSpec spec, String expression) {
    return expression == null ? null : Arguments.parse(spec, "--label", () -> Label.of(expression));
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a case; you are its first member. Needs write access to dataset 'cases' when the"
          + " workspace has a writers configuration.")
  static final class Create implements Callable<Integer> {
    @Mixin SessionOptions session;
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "TITLE", description = "The case's title.") String title;
    @Option(names = "--label", required = true, paramLabel = "EXPR",
        description = "The case's label: every item of the case carries at least it, e.g. 'INTERPOL'.") String label;

    @Override
    public Integer call() {
      Label l = label(spec, label);
      try (SessionOptions.Opened ws = session.write()) {
        CaseSummary c = ws.session().cases().create(title, l);
        PrintWriter out = spec.commandLine().getOut();
        if (session.json) {
          Render.print(out, Render.versioned().<ObjectNode>set("case", summary(c)));
        } else {
          out.printf(Locale.ROOT, "created %s (%s, label %s)%n", c.id(), c.title(), c.label().expression());
        }
        return 0;
      }
    }
  }

  /** What {@code case add} adds: exactly one of these. */
  static final class What {
    @Option(names = "--member", paramLabel = "PRINCIPAL", description = "Add a member (a principal id).") String member;
    @Option(names = "--remove-member", paramLabel = "PRINCIPAL", description = "Remove a member.") String removeMember;
    @Option(names = "--entity", paramLabel = "ID", description = "The case concerns this entity.") String entity;
    @Option(names = "--document", paramLabel = "ID", description = "The case concerns this document.") String document;
    @Option(names = "--link", paramLabel = "ID", description = "The case concerns this link.") String link;
    @Option(names = "--flag", paramLabel = "ID", description = "The case concerns this screening flag.") String flag;
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Add a member, or something the case concerns (an entity, document, link or flag you can see).")
  static final class Add implements Callable<Integer> {
    @Mixin SessionOptions session;
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "CASE", description = "The case id.") String caseId;
    @ArgGroup(exclusive = true, multiplicity = "1") What what;
    @Option(names = "--label", paramLabel = "EXPR", description = "A stricter label for the reference (default: the"
        + " case's); it also carries the target's labels.") String label;

    @Override
    public Integer call() {
      Label l = label(spec, label);
      try (SessionOptions.Opened ws = session.write()) {
        Cases cases = ws.session().cases();
        CaseItem item;
        if (what.member != null) {
          item = cases.addMember(caseId, what.member);
        } else if (what.removeMember != null) {
          item = cases.removeMember(caseId, what.removeMember);
        } else {
          CaseTarget target = Arguments.parse(spec, "--entity/--document/--link/--flag", () -> what.entity != null
              ? CaseTarget.parse("entity:" + what.entity) : what.document != null ? CaseTarget.document(what.document)
              : what.link != null ? CaseTarget.parse("link:" + what.link) : CaseTarget.parse("flag:" + what.flag));
          item = cases.add(caseId, target, l);
        }
        printItem(spec, session.json, item);
        return 0;
      }
    }
  }

  @Command(name = "note", mixinStandardHelpOptions = true,
      description = {"Write a note on the case, or with --on an annotation of what you can see:"
          + " entity:ID, statement:ENTITY/STATEMENT, document:ID, span:DOCUMENT:START-END, link:ID, flag:ID.",
          "With --edit ITEM --version N, change the text of your own note (refused if it changed since version N)."})
  static final class Note implements Callable<Integer> {
    @Mixin SessionOptions session;
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "CASE", description = "The case id.") String caseId;
    @Parameters(index = "1", paramLabel = "TEXT", description = "The note.") String text;
    @Option(names = "--on", paramLabel = "TARGET", description = "What the note is about.") String on;
    @Option(names = "--label", paramLabel = "EXPR", description = "A stricter label (default: the case's).") String label;
    @Option(names = "--edit", paramLabel = "ITEM", description = "Change this note's text.") String edit;
    @Option(names = "--version", paramLabel = "N", description = "With --edit: the version your change is based on.")
    Long version;

    @Override
    public Integer call() {
      Label l = label(spec, label);
      CaseTarget target = on == null ? null : Arguments.parse(spec, "--on", () -> CaseTarget.parse(on));
      if (edit != null && (version == null || on != null || label != null)) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "--edit needs --version N (the version you read) and takes no --on or --label: a note keeps its label");
      }
      try (SessionOptions.Opened ws = session.write()) {
        Cases cases = ws.session().cases();
        CaseItem item = edit != null ? cases.editNote(caseId, edit, version, text)
            : target == null ? cases.note(caseId, text, l) : cases.annotate(caseId, target, text, l);
        printItem(spec, session.json, item);
        return 0;
      }
    }
  }

  @Command(name = "task", mixinStandardHelpOptions = true,
      description = {"Create a task (TITLE, --owner, --due), or with --update ITEM --version N change its --state,"
          + " --owner or --due (refused if it changed since version N)."})
  static final class Task implements Callable<Integer> {
    @Mixin SessionOptions session;
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "CASE", description = "The case id.") String caseId;
    @Parameters(index = "1", arity = "0..1", paramLabel = "TITLE", description = "A new task's title.") String title;
    @Option(names = "--owner", paramLabel = "PRINCIPAL", description = "Who is responsible (default: you).") String owner;
    @Option(names = "--due", paramLabel = "DATE", description = "Due date, YYYY-MM-DD.") LocalDate due;
    @Option(names = "--state", paramLabel = "STATE", description = "With --update: open, in-progress, done or cancelled.")
    String state;
    @Option(names = "--label", paramLabel = "EXPR", description = "A stricter label (default: the case's).") String label;
    @Option(names = "--update", paramLabel = "ITEM", description = "Change this task.") String update;
    @Option(names = "--version", paramLabel = "N", description = "With --update: the version your change is based on.")
    Long version;

    @Override
    public Integer call() {
      Label l = label(spec, label);
      if (update == null && (title == null || state != null)) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "a new task needs a TITLE (and takes no --state: it starts open); to change one give --update ITEM --version N");
      }
      if (update != null && (version == null || title != null || label != null)) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "--update needs --version N (the version you read) and takes no TITLE or --label");
      }
      if (state != null && !CaseItem.TASK_STATES.contains(state)) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "--state: unknown task state '" + state + "'; use one of " + CaseItem.TASK_STATES);
      }
      try (SessionOptions.Opened ws = session.write()) {
        Cases cases = ws.session().cases();
        CaseItem item = update != null ? cases.updateTask(caseId, update, version, state, owner, due)
            : cases.task(caseId, title, owner != null ? owner : ws.session().principal().id(), due, l);
        printItem(spec, session.json, item);
        return 0;
      }
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "A case as you may see it: members, material, notes, tasks and history (nothing you may not see).")
  static final class Show implements Callable<Integer> {
    @Mixin SessionOptions session;
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "CASE", description = "The case id.") String caseId;

    @Override
    public Integer call() {
      try (SessionOptions.Opened ws = session.read()) {
        CaseView v = ws.session().cases().show(caseId).orElseThrow(() -> new CommandFailure("no case '" + caseId
            + "' is visible to you; list yours with insight case list"));
        PrintWriter out = spec.commandLine().getOut();
        if (session.json) {
          ObjectNode o = Render.versioned().set("case", summary(v.summary()));
          o.set("members", items(v.members()));
          o.set("references", items(v.references()));
          o.set("notes", items(v.notes()));
          o.set("tasks", items(v.tasks()));
          ArrayNode h = o.putArray("history");
          for (CaseEvent e : v.history()) {
            ObjectNode n = h.addObject();
            n.put("at", e.at().toString());
            n.put("by", e.by());
            n.put("item", e.itemId());
            n.put("kind", e.kind().text());
            n.put("version", e.version());
            n.put("action", e.action());
            ArrayNode changed = n.putArray("changed");
            e.changed().forEach(changed::add);
            n.put("label", e.label().toString());
          }
          Render.print(out, o);
          return 0;
        }
        CaseSummary c = v.summary();
        out.printf(Locale.ROOT, "%s  %s  (label %s, version %d, created by %s at %s)%n", c.id(), c.title(),
            c.label().expression(), c.version(), c.createdBy(), c.createdAt());
        out.printf(Locale.ROOT, "members: %s%n", String.join(", ", v.members().stream()
            .map(m -> m.principal() + (m.state().equals("active") ? "" : " (removed)")).toList()));
        for (CaseItem r : v.references()) {
          out.printf(Locale.ROOT, "concerns %s  [%s] %s%n", r.target().orElseThrow(), r.label().expression(), r.id());
        }
        for (CaseItem n : v.notes()) {
          out.printf(Locale.ROOT, "note %s v%d by %s%s [%s]: %s%n", n.id(), n.version(), n.author(),
              n.target().map(t -> " on " + t).orElse(""), n.label().expression(), n.text());
        }
        for (CaseItem t : v.tasks()) {
          out.printf(Locale.ROOT, "task %s v%d %s, owner %s%s [%s]: %s%n", t.id(), t.version(), t.state(), t.owner(),
              t.due().map(d -> ", due " + d).orElse(""), t.label().expression(), t.text());
        }
        out.printf(Locale.ROOT, "history:%n");
        for (CaseEvent e : v.history()) {
          out.printf(Locale.ROOT, "  %s %s %s %s v%d%s%n", e.at(), e.by(), e.action(), e.itemId(), e.version(),
              e.changed().isEmpty() ? "" : " " + e.changed());
        }
        return 0;
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "The cases you are a member of and may see.")
  static final class ListCases implements Callable<Integer> {
    @Mixin SessionOptions session;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (SessionOptions.Opened ws = session.read()) {
        List<CaseSummary> cases = ws.session().cases().list();
        PrintWriter out = spec.commandLine().getOut();
        if (session.json) {
          ArrayNode a = Json.array();
          cases.forEach(c -> a.add(summary(c)));
          Render.print(out, Render.versioned().<ObjectNode>set("items", a));
          return 0;
        }
        out.printf(Locale.ROOT, "%d case(s)%n", cases.size());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"case", "title", "label", "version", "created by"});
        cases.forEach(c -> rows.add(new String[] {c.id(), c.title(), c.label().expression().toString(),
            Long.toString(c.version()), c.createdBy()}));
        if (!cases.isEmpty()) {
          Render.table(out, rows);
        }
        return 0;
      }
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = {"Write the case as you may see it to a new directory, as a package another workspace can import:"
          + " the case's notes, tasks and references, the entities and documents they concern (only what you see,"
          + " with labels and provenance), the handling rules and an audit extract, each file's SHA-256 in"
          + " manifest.json, signed with your Ed25519 key (manifest.sig). Make a key pair with"
          + " 'insight audit keygen --signing FILE --public FILE'; give the receiver the public key by a channel"
          + " they trust."})
  static final class ExportPackage implements Callable<Integer> {
    @Mixin SessionOptions session;
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "CASE", description = "The case id.") String caseId;
    @Option(names = "--out", required = true, paramLabel = "FILE.zip|DIR",
        description = "A new .zip file (the package as one file), or a new (or empty) directory.")
    java.nio.file.Path out;
    @Option(names = "--sign-key", required = true, paramLabel = "FILE",
        description = "Your Ed25519 private key (PEM) that signs the manifest.") java.nio.file.Path signKey;
    @Option(names = "--public-key", required = true, paramLabel = "FILE",
        description = "Its public half (PEM), whose fingerprint the manifest names.") java.nio.file.Path publicKey;
    @Option(names = "--with-bytes", description = "Include the documents' original bytes (else only their SHA-256).")
    boolean bytes;
    @Option(names = "--origin", paramLabel = "NAME",
        description = "Who the package is from, recorded as the originator on import (default: the workspace"
            + " directory's name).") String origin;

    @Override
    public Integer call() {
      var priv = Arguments.parse(spec, "--sign-key", () -> CheckpointKeys.readPrivate(signKey));
      var pub = Arguments.parse(spec, "--public-key", () -> CheckpointKeys.readPublic(publicKey));
      try (SessionOptions.Opened ws = session.read()) {
        String from = origin != null ? origin : String.valueOf(session.workspaceDir().toAbsolutePath().normalize()
            .getFileName());
        PackageOptions o = Arguments.parse(spec, "--sign-key", () -> PackageOptions.signedWith(priv, pub, from));
        CasePackage p = ws.session().cases().exportPackage(caseId, bytes ? o.includingBytes() : o, out);
        PrintWriter w = spec.commandLine().getOut();
        if (session.json) {
          ObjectNode n = Render.versioned();
          n.put("case", p.caseId());
          n.put("directory", p.directory().toString());
          n.put("entities", p.entities());
          n.put("statements", p.statements());
          n.put("documents", p.documents());
          n.put("evidence", p.evidence());
          n.put("items", p.items());
          n.put("auditEntries", p.auditEntries());
          n.put("label", p.label());
          n.put("manifestSha256", p.manifestSha256());
          n.put("keyFingerprint", p.keyFingerprint());
          Render.print(w, n);
        } else {
          w.printf(Locale.ROOT, "exported %s to %s: %d entities (%d statements), %d documents (%d with bytes), %d"
              + " case items, %d audit entries; label %s; signed by %s%n", p.caseId(), p.directory(), p.entities(),
              p.statements(), p.documents(), p.evidence(), p.items(), p.auditEntries(), p.label(), p.keyFingerprint());
        }
        return 0;
      }
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = {"Import a package 'insight case export' wrote, after checking its signature with the public key"
          + " you trust and every file's SHA-256: any mismatch refuses the whole package, naming the file. Labels,"
          + " provenance and ids are kept and the originator recorded; you become a member of the case. You must hold"
          + " every label in the package. Importing the same package again writes nothing new."})
  static final class ImportPackage implements Callable<Integer> {
    @Mixin SessionOptions session;
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "FILE.zip|DIR", description = "The package: its .zip file, or its directory.")
    java.nio.file.Path dir;
    @Option(names = "--trust", required = true, paramLabel = "PUBLICKEY",
        description = "The sender's Ed25519 public key (PEM), obtained by a channel you trust.")
    java.nio.file.Path trust;

    @Override
    public Integer call() {
      var pub = Arguments.parse(spec, "--trust", () -> CheckpointKeys.readPublic(trust));
      try (SessionOptions.Opened ws = session.write()) {
        CasePackageImport r = ws.session().cases().importPackage(dir, pub);
        PrintWriter w = spec.commandLine().getOut();
        if (session.json) {
          ObjectNode n = Render.versioned();
          n.put("case", r.caseId());
          n.put("origin", r.origin());
          n.put("exportedBy", r.exportedBy());
          n.put("entities", r.entities());
          n.put("statements", r.statements());
          n.put("documents", r.documents());
          ArrayNode missing = n.putArray("documentsWithoutEvidence");
          r.documentsWithoutEvidence().forEach(missing::add);
          n.put("items", r.items());
          n.put("keyFingerprint", r.keyFingerprint());
          Render.print(w, n);
        } else {
          w.printf(Locale.ROOT, "imported %s from %s (exported by %s, key %s): %d entities (%d statements), %d"
              + " documents, %d case items%n", r.caseId(), r.origin(), r.exportedBy(), r.keyFingerprint(),
              r.entities(), r.statements(), r.documents(), r.items());
          if (!r.documentsWithoutEvidence().isEmpty()) {
            w.printf(Locale.ROOT, "not imported (their bytes were not in the package; ask for it --with-bytes): %s%n",
                String.join(", ", r.documentsWithoutEvidence()));
          }
        }
        return 0;
      }
    }
  }

  static ObjectNode summary(CaseSummary c) {
    ObjectNode o = Json.object();
    o.put("id", c.id());
    o.put("title", c.title());
    o.put("label", c.label().toString());
    o.put("version", c.version());
    o.put("createdBy", c.createdBy());
    o.put("createdAt", c.createdAt().toString());
    o.put("updatedBy", c.updatedBy());
    o.put("updatedAt", c.updatedAt().toString());
    return o;
  }

  static ArrayNode items(List<CaseItem> items) {
    ArrayNode a = Json.array();
    items.forEach(i -> a.add(item(i)));
    return a;
  }

  static ObjectNode item(CaseItem i) {
    ObjectNode o = Json.object();
    o.put("id", i.id());
    o.put("case", i.caseId());
    o.put("kind", i.kind().text());
    o.put("version", i.version());
    i.target().ifPresent(t -> o.put("target", t.toString()));
    if (!i.text().isEmpty()) {
      o.put("text", i.text());
    }
    if (!i.principal().isEmpty()) {
      o.put("principal", i.principal());
    }
    if (!i.owner().isEmpty()) {
      o.put("owner", i.owner());
    }
    i.due().ifPresent(d -> o.put("due", d.toString()));
    if (!i.state().isEmpty()) {
      o.put("state", i.state());
    }
    o.put("label", i.label().toString());
    o.put("author", i.author());
    o.put("createdAt", i.createdAt().toString());
    o.put("updatedBy", i.updatedBy());
    o.put("updatedAt", i.updatedAt().toString());
    return o;
  }

  static void printItem(CommandSpec spec, boolean json, CaseItem i) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Render.print(out, Render.versioned().<ObjectNode>set("item", item(i)));
    } else {
      out.printf(Locale.ROOT, "%s %s version %d (label %s)%n", i.kind().text(), i.id(), i.version(),
          i.label().expression());
    }
  }
}
