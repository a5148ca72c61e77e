package org.insight.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.core.EntityId;
import org.insight.workspace.Erasure;
import org.insight.workspace.ErasureReceipt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code insight erase}: erases entities, documents, statements or datasets, and everything derived from them. */
@Command(name = "erase", mixinStandardHelpOptions = true,
    description = {"Erase entities or documents (by id), statements (--statement) or whole datasets (--dataset), as far"
        + " as you may see them, with everything derived from them: mentions, translations, flags, same-as links and"
        + " match events, evidence no longer referenced, screening indexes. The audit keeps who, which ids and why"
        + " (--reason, required), never the erased values.",
        "Exit 1 when nothing visible matched: a missing id and an invisible one are answered alike."})
final class EraseCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", arity = "0..*", description = "Entity or document ids.")
  List<String> ids = new ArrayList<>();

  @Option(names = "--dataset", paramLabel = "D", description = "Erase every statement and document of this dataset.")
  List<String> datasets = new ArrayList<>();

  @Option(names = "--statement", paramLabel = "S", description = "Erase this statement.")
  List<String> statements = new ArrayList<>();

  @Option(names = "--reason", paramLabel = "TEXT", required = true,
      description = "Why (an order, a ticket, a retention rule); written to the audit log.")
  String reason;

  @Override
  public Integer call() {
    if (ids.isEmpty() && datasets.isEmpty() && statements.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "give something to erase: ids, --dataset D or --statement S");
    }
    Erasure.Builder request = Erasure.builder().reason(reason);
    for (String id : ids) {
      request.entities(EntityId.of(id)).documents(id); // an id names an entity or a document, never both
    }
    datasets.forEach(request::dataset);
    statements.forEach(s -> request.statements(s));
    Erasure erasure = Arguments.parse(spec, "--reason", request::build);
    try (SessionOptions.Opened opened = session.write()) {
      ErasureReceipt r = opened.session().erase(erasure);
      print(spec.commandLine().getOut(), session.json, r);
      return 0;
    }
  }

  /** The receipt as JSON or text; an empty one is a failure (nothing visible matched). */
  static void print(PrintWriter out, boolean json, ErasureReceipt r) {
    if (r.isEmpty()) {
      throw new CommandFailure("nothing was erased: nothing you may see matched (a missing id and one you may not see"
          + " are answered alike)");
    }
    if (json) {
      var o = Render.versioned();
      r.entities().forEach(o.putArray("entities")::add);
      r.documents().forEach(o.putArray("documents")::add);
      o.put("statements", r.statements());
      Render.print(out, o);
      return;
    }
    out.printf(Locale.ROOT, "erased %d statement(s) of %d entit%s and %d document(s), and what was derived from them%n",
        r.statements(), r.entities().size(), r.entities().size() == 1 ? "y" : "ies", r.documents().size());
    r.entities().forEach(e -> out.printf(Locale.ROOT, "  entity %s%n", e));
    r.documents().forEach(d -> out.printf(Locale.ROOT, "  document %s%n", d));
  }
}
