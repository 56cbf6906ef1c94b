package fr.secondevie.embedded;

import fr.secondevie.engine.CredentialsFile;
import fr.secondevie.engine.EngineCredentials;
import java.nio.file.Path;

/**
 * The credentials of the application's engine: configured ({@code
 * secondevie.embedded.engine.username} / {@code password}), or generated at the first start into
 * {@code engine-credentials.properties} in the engine's data directory and read from there later.
 * The engine and the application's Camunda client ({@link EmbeddedModeDefaults}) both ask here, so
 * that they agree.
 */
final class EngineCredentialsSource {

  private EngineCredentialsSource() {}

  static EngineCredentials of(EmbeddedModeProperties.Engine settings) {
    if (settings.password() != null && !settings.password().isBlank()) {
      String username =
          settings.username() == null || settings.username().isBlank()
              ? EngineCredentials.DEFAULT_USERNAME
              : settings.username();
      return new EngineCredentials(username, settings.password());
    }
    return CredentialsFile.readOrCreate(file(settings));
  }

  /** Where generated credentials are kept (null when they are configured). */
  static Path file(EmbeddedModeProperties.Engine settings) {
    if (settings.password() != null && !settings.password().isBlank()) {
      return null;
    }
    return settings.dataDir().resolve(CredentialsFile.FILE_NAME);
  }
}
