package org.insight.cli;

import java.util.concurrent.Callable;
import org.insight.examples.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Load the bundled sample data into a workspace and show what different readers see; leaves the workspace to explore.")
final class DemoCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Demo.Result r = Demo.run(session.workspaceDir(), spec.commandLine().getOut());
    return r.audit().valid() ? 0 : 1;
  }
}
