package org.insight.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.insight.policy.Principal;
import org.insight.policy.Profiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A principals directory from the deployment's access profiles ({@link Profiles}) and the profile each user holds:
 * give it to {@link Workspace.Builder#principals} and standing queries are evaluated with each owner's clearance as
 * the profile file says now — read again whenever the file changes, so a clearance reduced there stops a standing
 * query seeing what was lost at the next batch; a user with no profile (or a profile no longer declared) asks
 * nothing. A file that no longer validates (or cannot be read) fails the look-up rather than keep a clearance it may
 * have reduced: the standing queries of that batch are recorded as failed and evaluated again once the file is
 * right (see {@link Alerts#retry}).
 *
 * <pre>{@code
 * Workspace.builder(dir).principals(ProfileDirectory.of(Path.of("/etc/insight/profiles.ini"),
 *     Map.of("alice", "fr-analyst", "bruno", "de-analyst"))).open();
 * }</pre>
 */
public final class ProfileDirectory implements Function<String, Optional<Principal>> {
  private static final Logger LOG = LoggerFactory.getLogger(ProfileDirectory.class);

  private final Path file;
  private final Map<String, String> users;
  private Profiles profiles;
  private FileTime modified;
  private long size = -1;

  private ProfileDirectory(Path file, Profiles profiles, Map<String, String> users) {
    this.file = file;
    this.profiles = profiles;
    this.users = Map.copyOf(users);
  }

  /** A directory over fixed profiles: {@code users} maps a principal id to its profile's name. */
  public static ProfileDirectory of(Profiles profiles, Map<String, String> users) {
    return new ProfileDirectory(null, Objects.requireNonNull(profiles, "profiles"), Objects.requireNonNull(users,
        "users"));
  }

  /**
   * A directory over a profile file, read now (a bad file is refused at once) and again whenever it changes.
   *
   * @throws org.insight.policy.ProfileFileException listing every problem of the file
   */
  public static ProfileDirectory of(Path profileFile, Map<String, String> users) {
    ProfileDirectory d = new ProfileDirectory(Objects.requireNonNull(profileFile, "profileFile"),
        Profiles.read(profileFile), Objects.requireNonNull(users, "users"));
    d.stamp();
    return d;
  }

  /** The principal {@code id} as its profile grants now; empty when it holds none. */
  @Override
  public synchronized Optional<Principal> apply(String id) {
    refresh();
    String name = users.get(id);
    if (name == null || profiles.all().stream().noneMatch(p -> p.name().equals(name))) {
      return Optional.empty();
    }
    return Optional.of(profiles.profile(name).principal(id));
  }

  private void refresh() {
    if (file == null) {
      return;
    }
    try {
      if (Files.getLastModifiedTime(file).equals(modified) && Files.size(file) == size) {
        return;
      }
    } catch (IOException e) {
      throw new org.insight.InsightException("cannot read the profile file " + file + ": " + e.getMessage()
          + "; standing queries wait until it can be read");
    }
    profiles = Profiles.read(file); // a bad file throws: no owner is looked up against it
    stamp();
    LOG.info("the profile file {} changed and was read again", file);
  }

  private void stamp() {
    try {
      modified = Files.getLastModifiedTime(file);
      size = Files.size(file);
    } catch (IOException e) {
      modified = null;
      size = -1;
    }
  }
}
