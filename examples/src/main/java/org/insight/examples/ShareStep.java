package org.insight.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Locale;
import org.insight.Hashing;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Profiles;
import org.insight.report.HtmlProduct;
import org.insight.report.Product;
import org.insight.report.ProductItems;
import org.insight.report.Reports;
import org.insight.workspace.CasePackage;
import org.insight.workspace.CasePackageImport;
import org.insight.workspace.Cases;
import org.insight.workspace.PackageOptions;
import org.insight.workspace.PackageRefusedException;
import org.insight.workspace.Production;
import org.insight.workspace.Productions;
import org.insight.workspace.Recipient;
import org.insight.workspace.ReleaseRefusedException;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;

/**
 * The demo's sharing step: the Lyon investigator sends a case to the NCB in Rome as one signed zip — verified (a
 * copy with one byte flipped is refused), imported into Rome's own workspace with its members and history, imported
 * again to no effect — and releases a profile of Ivan PETROV: refused item by item for the Italian police profile,
 * which cannot see the French record's statements, then released to the French one.
 */
final class ShareStep {
  /** The deployment's member-country profiles, as a profile file would hold them. */
  static final String PROFILES = "[country FR]\nauthorizations = FR\n[country IT]\nauthorizations = IT\n"
      + "[role police]\nauthorizations = POLICE, INTERPOL\npurposes = criminal-investigation\n"
      + "[profile fr-police]\ncountry = FR\nrole = police\n[profile it-police]\ncountry = IT\nrole = police\n";

  private ShareStep() {}

  static void run(Workspace ws, Path dir, PrintWriter out) {
    out.println("Sharing: a signed case package to another workspace, and a release checked item by item");
    Demo.Reader lyon = Demo.READERS.get(1);
    Principal supervisor = Principal.of("supervisor.lyon", "INTERPOL", "FR", "POLICE");
    try (Session ls = ws.session(lyon.principal(), lyon.purpose())) {
      Cases cases = ls.cases();
      String caseId = cases.create("Operation Kestrel", Label.of("INTERPOL")).id();
      cases.addMember(caseId, supervisor.id());
      cases.add(caseId, org.insight.workspace.CaseTarget.entity(CaseStep.NOTICE), null);
      cases.add(caseId, org.insight.workspace.CaseTarget.entity(GraphStep.IVAN), null);
      cases.note(caseId, "Rome asked for what we hold on Ivan PETROV", null);

      KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      Path zip = dir.resolve("kestrel-package.zip");
      Files.deleteIfExists(zip);
      CasePackage p = cases.exportPackage(caseId, PackageOptions.signedWith(keys.getPrivate(), keys.getPublic(),
          "lyon"), zip);
      out.printf(Locale.ROOT, "   exported %s to %s: %d entities, %d case items, signed by %s…%n", caseId,
          zip.getFileName(), p.entities(), p.items(), p.keyFingerprint().substring(0, 19));
      byte[] bytes = Files.readAllBytes(zip);
      // one bit of the entities' compressed bytes (just past the name in their entry's header)
      byte[] name = "entities.jsonl".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      int at = 0;
      while (!java.util.Arrays.equals(bytes, at, at + name.length, name, 0, name.length)) {
        at++;
      }
      bytes[at + name.length + 40] ^= 0x01;
      Path doctored = Files.write(dir.resolve("kestrel-doctored.zip"), bytes);
      try (Workspace rome = Workspace.open(dir.resolve("rome-workspace"))) {
        Session rs = rome.session(Principal.of("ncb.rome", "INTERPOL", "FR", "POLICE"), lyon.purpose());
        try {
          rs.cases().importPackage(doctored, keys.getPublic());
        } catch (PackageRefusedException e) {
          out.println("   a copy with one byte flipped: refused (" + e.getClass().getSimpleName() + ")");
        }
        CasePackageImport in = rs.cases().importPackage(zip, keys.getPublic());
        var seen = rs.cases().show(caseId).orElseThrow();
        out.printf(Locale.ROOT, "   Rome verified and imported it: %d entities, %d members, %d history entries, from"
            + " %s (%s)%n", in.entities(), seen.members().size(), seen.history().size(), in.origin(), in.exportedBy());
        rs.cases().importPackage(zip, keys.getPublic());
        out.printf(Locale.ROOT, "   imported again: %s%n", rs.cases().show(caseId).orElseThrow().equals(seen)
            ? "nothing new" : "CHANGED");
      }

      Product profile = Reports.of(ls).profile(GraphStep.IVAN);
      Path html = HtmlProduct.write(profile, dir.resolve("ivan-release.html"));
      Productions productions = cases.productions();
      Production draft = productions.draft(caseId, "Ivan PETROV for the NCBs", Hashing.sha256Hex(Files.readAllBytes(
          html)), ProductItems.of(profile));
      Production review = productions.submit(caseId, draft.id(), draft.version(), supervisor.id());
      Production approved = ws.session(supervisor, lyon.purpose()).cases().productions().approve(caseId, review.id(),
          review.version());
      Profiles profiles = Profiles.parse(PROFILES, "demo profiles");
      try {
        productions.release(caseId, approved.id(), approved.version(),
            List.of(Recipient.of(profiles.profile("it-police"))));
      } catch (ReleaseRefusedException e) {
        out.printf(Locale.ROOT, "   release of %d item(s) to it-police: refused for %d of them, e.g. %s%n",
            approved.items().size(), e.refusals().size(), e.refusals().get(0).reason());
      }
      Production released = productions.release(caseId, approved.id(), approved.version(),
          List.of(Recipient.of(profiles.profile("fr-police"))));
      out.printf(Locale.ROOT, "   release to fr-police: %s (approved by %s)%n", released.state(),
          released.approvedBy().orElse("-"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no Ed25519: " + e.getMessage(), e);
    }
    out.println();
  }
}
