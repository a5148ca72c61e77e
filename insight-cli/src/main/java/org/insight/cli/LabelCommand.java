package org.insight.cli;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.insight.policy.Decision;
import org.insight.policy.Label;
import org.insight.policy.Policy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "label", mixinStandardHelpOptions = true,
    description = {"Parse a label, print its canonical form, and decide whether the session's principal may see data carrying it.",
        "Example: insight label 'INTERPOL&(FR|DE);purposes=criminal-investigation' --auths INTERPOL,FR"})
final class LabelCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "LABEL", description = "An access expression, optionally with ;purposes=…;delete-after=… handling rules.")
  String text;

  @Override
  public Integer call() {
    Label label = Label.parse(text);
    Decision d = Policy.standard().decide(session.principal(), session.purpose(), label, Instant.now());
    var out = spec.commandLine().getOut();
    if (session.json) {
      var n = Json.object();
      n.put("canonical", label.toString());
      n.put("allowed", d.allowed());
      n.put("reason", d.reason());
      Render.print(out, n);
    } else {
      out.println("canonical: " + label);
      out.println((d.allowed() ? "allowed: " : "denied: ") + d.reason());
    }
    return d.allowed() ? 0 : 1;
  }
}
