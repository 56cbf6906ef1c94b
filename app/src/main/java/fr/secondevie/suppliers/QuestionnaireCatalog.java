package fr.secondevie.suppliers;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.secondevie.common.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The published questionnaire versions.
 *
 * <p>Versions are written by us as JSON resources ({@code suppliers/questionnaire-<version>.json})
 * and copied once into the database, which is then their reference: an application keeps the
 * version it was registered with, even after a newer one is published. A published version never
 * changes: a resource whose content differs from the stored copy stops the application with a
 * message (publish a new version instead).
 */
@Component
class QuestionnaireCatalog {

  static final String RESOURCES = "classpath*:suppliers/questionnaire-*.json";

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final Clock clock;
  private volatile Map<String, Questionnaire> versions;

  QuestionnaireCatalog(JdbcClient jdbc, ObjectMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /** The latest published version, used for new applications. */
  public Questionnaire current() {
    return loaded().values().stream()
        .max(Comparator.comparing(Questionnaire::version, QuestionnaireCatalog::compareVersions))
        .orElseThrow(() -> new IllegalStateException("No questionnaire is published"));
  }

  public Questionnaire get(String version) {
    Questionnaire questionnaire = loaded().get(version);
    if (questionnaire == null) {
      throw new NoSuchElementException("No questionnaire version " + version);
    }
    return questionnaire;
  }

  public List<Questionnaire> all() {
    return List.copyOf(loaded().values());
  }

  private Map<String, Questionnaire> loaded() {
    Map<String, Questionnaire> current = versions;
    if (current == null) {
      synchronized (this) {
        if (versions == null) {
          publishResources();
          versions = readStored();
        }
        current = versions;
      }
    }
    return current;
  }

  private void publishResources() {
    try {
      Resource[] resources = new PathMatchingResourcePatternResolver().getResources(RESOURCES);
      for (Resource resource : resources) {
        byte[] content;
        try (InputStream in = resource.getInputStream()) {
          content = in.readAllBytes();
        }
        Questionnaire questionnaire = parse(new String(content, StandardCharsets.UTF_8));
        String sha256 = sha256(content);
        String stored = storedHash(questionnaire.version());
        if (stored == null) {
          try {
            jdbc.sql(
                    """
                    INSERT INTO supplier_questionnaire
                      (version, title, published_on, definition, sha256, loaded_at)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                .params(
                    questionnaire.version(),
                    questionnaire.title(),
                    questionnaire.publishedOn(),
                    new String(content, StandardCharsets.UTF_8),
                    sha256,
                    clock.instant().truncatedTo(ChronoUnit.MICROS))
                .update();
          } catch (DuplicateKeyException raced) {
            stored = storedHash(questionnaire.version());
          }
        }
        if (stored != null && !stored.equals(sha256)) {
          throw new IllegalStateException(
              "Questionnaire version %s (%s) differs from the published one (SHA-256 %s): a published version never changes, publish a new version instead"
                  .formatted(questionnaire.version(), resource.getFilename(), stored));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the questionnaire resources", e);
    }
  }

  private String storedHash(String version) {
    return jdbc.sql("SELECT sha256 FROM supplier_questionnaire WHERE version = ?")
        .param(version)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private Map<String, Questionnaire> readStored() {
    Map<String, Questionnaire> stored = new TreeMap<>(QuestionnaireCatalog::compareVersions);
    jdbc.sql("SELECT definition FROM supplier_questionnaire")
        .query(String.class)
        .list()
        .forEach(
            definition -> {
              Questionnaire questionnaire = parse(definition);
              stored.put(questionnaire.version(), questionnaire);
            });
    return Map.copyOf(stored);
  }

  Questionnaire parse(String definition) {
    try {
      return json.readValue(definition, Questionnaire.class);
    } catch (IOException e) {
      throw new IllegalStateException("Invalid questionnaire definition: " + e.getMessage(), e);
    }
  }

  /** "2025.2" before "2025.10". */
  static int compareVersions(String a, String b) {
    String[] left = a.split("\\.");
    String[] right = b.split("\\.");
    for (int i = 0; i < Math.max(left.length, right.length); i++) {
      int l = i < left.length ? Integer.parseInt(left[i]) : 0;
      int r = i < right.length ? Integer.parseInt(right[i]) : 0;
      if (l != r) {
        return Integer.compare(l, r);
      }
    }
    return 0;
  }

  static String sha256(byte[] content) {
    return Sha256.hex(content);
  }
}
