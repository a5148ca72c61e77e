package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.policy.Profile;
import org.insight.policy.ProfileFileException;
import org.insight.policy.Profiles;
import org.insight.policy.Purpose;
import org.insight.search.Hit;
import org.insight.search.Query;
import org.insight.workspace.ProfileTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code insight profile}: member-country access profiles — check a profile file, test what a profile sees. */
@Command(name = "profile", mixinStandardHelpOptions = true,
    description = {"Member-country access profiles: principals from the deployment's profile file (country, role,"
        + " purposes -> authorisations). Read as a profile's user with --profiles FILE --profile NAME on any command."},
    subcommands = {ProfileCommand.Check.class, ProfileCommand.Test.class})
final class ProfileCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Validate a profile file and list its profiles; every problem is reported with file:line (exit 1).")
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "FILE", description = "The profile file.") Path file;
    @Option(names = "--json", description = "Print JSON.") boolean json;

    @Override
    public Integer call() {
      Profiles profiles;
      try {
        profiles = Profiles.read(file);
      } catch (ProfileFileException e) {
        throw new CommandFailure(String.join(System.lineSeparator(), e.problems()));
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ArrayNode a = Json.array();
        for (Profile p : profiles.all()) {
          ObjectNode o = a.addObject();
          o.put("name", p.name());
          o.put("country", p.country());
          o.put("role", p.role());
          ArrayNode purposes = o.putArray("purposes");
          p.purposes().stream().map(Purpose::name).sorted().forEach(purposes::add);
          ArrayNode auths = o.putArray("authorizations");
          p.authorizations().forEach(auths::add);
          o.put("line", p.line());
        }
        Render.print(out, a);
        return 0;
      }
      out.printf(Locale.ROOT, "%s: %d profile(s), valid%n", file, profiles.all().size());
      for (Profile p : profiles.all()) {
        out.printf(Locale.ROOT, "  %s (%s, %s): purposes %s, authorisations %s%n", p.name(), p.country(), p.role(),
            p.purposes().stream().map(Purpose::name).sorted().toList(), p.authorizations());
      }
      return 0;
    }
  }

  @Command(name = "test", mixinStandardHelpOptions = true,
      description = {"What would PROFILE see? Its counts (entities, documents, query matches), the same counts over"
          + " what you may see too, and samples of those only: nothing you cannot see yourself but the profile's"
          + " counts. Audited as your call. Needs dataset 'profiles' in the workspace's writers configuration.",
          "Example: insight profile test fr-analyst --profiles profiles.ini --query petrov --auths INTERPOL,FR"})
  static final class Test implements Callable<Integer> {
    @Mixin SessionOptions session;
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "PROFILE", description = "The profile to test.") String name;
    @Option(names = "--query", paramLabel = "QUERY", description = "What to count and sample (default: everything).")
    String query;
    @Option(names = "--for-purpose", paramLabel = "PURPOSE", description = "The purpose to test the profile for"
        + " (default: the first it allows, by name).") String forPurpose;
    @Option(names = "--samples", defaultValue = "5", paramLabel = "N", description = "At most N samples (default: ${DEFAULT-VALUE}).")
    int samples;

    @Override
    public Integer call() {
      Profile profile = Arguments.parse(spec, "PROFILE", () -> session.profiles().profile(name));
      Purpose purpose = forPurpose != null ? Arguments.parse(spec, "--for-purpose", () -> Purpose.of(forPurpose))
          : profile.purposes().stream().min(java.util.Comparator.comparing(Purpose::name)).orElseThrow();
      Query q = query == null ? Query.all() : Arguments.parse(spec, "--query", () -> Query.parse(query));
      try (SessionOptions.Opened ws = session.read()) {
        ProfileTest t = ws.session().testProfile(profile, purpose, q, samples);
        PrintWriter out = spec.commandLine().getOut();
        if (session.json) {
          ObjectNode o = Render.versioned();
          o.put("profile", t.profile());
          o.put("purpose", t.purpose().name());
          o.put("query", t.query());
          ObjectNode counts = o.putObject("asProfile");
          counts.put("entities", t.entities());
          counts.put("documents", t.documents());
          counts.put("matches", t.matches());
          ObjectNode mine = o.putObject("alsoVisibleToYou");
          mine.put("entities", t.entitiesAlsoVisibleToYou());
          mine.put("documents", t.documentsAlsoVisibleToYou());
          mine.put("matches", t.matchesAlsoVisibleToYou());
          ArrayNode a = o.putArray("samples");
          for (Hit h : t.samples()) {
            a.addObject().put("id", h.id()).put("kind", h.kind().name().toLowerCase(Locale.ROOT))
                .put("caption", h.caption());
          }
          Render.print(out, o);
          return 0;
        }
        out.printf(Locale.ROOT, "profile %s for %s, query %s%n", t.profile(), t.purpose(), t.query());
        out.printf(Locale.ROOT, "  as the profile:        %d entities, %d documents, %d matches%n", t.entities(),
            t.documents(), t.matches());
        out.printf(Locale.ROOT, "  of which you see too:  %d entities, %d documents, %d matches%n",
            t.entitiesAlsoVisibleToYou(), t.documentsAlsoVisibleToYou(), t.matchesAlsoVisibleToYou());
        List<Hit> hits = t.samples();
        out.printf(Locale.ROOT, "  samples (visible to both): %s%n", hits.isEmpty() ? "none"
            : String.join(", ", hits.stream().map(h -> h.caption() + " (" + h.id() + ")").toList()));
        return 0;
      }
    }
  }
}
