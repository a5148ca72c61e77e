package org.insight.examples;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.insight.report.HtmlProduct;
import org.insight.report.Product;
import org.insight.report.Reports;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;

/**
 * The demo's product step: the Lyon investigator's profile of Ivan PETROV as one offline HTML file — his statements
 * with their sources and gradings, the reports that name him, his network and places, a timeline — labelled with the
 * conjunction of the labels of everything in it and the id of the one audit entry its making wrote.
 */
final class ReportStep {
  private ReportStep() {}

  static Path run(Workspace ws, Path dir, PrintWriter out) {
    out.println("Products: the Lyon investigator's profile of Ivan PETROV, one offline HTML file");
    try (Session s = ws.session(Demo.READERS.get(1).principal(), Demo.READERS.get(1).purpose())) {
      Product profile = Reports.of(s).profile(GraphStep.IVAN);
      Path html = HtmlProduct.write(profile, dir.resolve("profile-ivan-petrov.html"));
      out.println("   " + profile.sections().size() + " sections; banner: " + profile.banner().text());
      out.println("   open " + html.toAbsolutePath().normalize());
      out.println();
      return html;
    }
  }
}
