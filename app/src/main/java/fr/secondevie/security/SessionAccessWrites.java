package fr.secondevie.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Sessions live in the database, shared by the replicas (Spring Session JDBC): every request reads
 * its session there, and Spring Session then writes it back in a transaction of its own, if only to
 * move its last access time (an {@code UPDATE SPRING_SESSION} and a commit for every page, image
 * and form). This wraps the JDBC repository so that a session is written only when something in it
 * changed (an attribute, its id, its timeout) or when its last access time stored is {@link
 * #ACCESS_PRECISION} old or more: reading a page again and again within a minute writes nothing.
 *
 * <p>What it changes for expiry: a session still expires after its idle timeout ({@code
 * server.servlet.session.timeout}, 30 min by default) counted from the last access stored, which is
 * at most {@link #ACCESS_PRECISION} older than the real one: an idle session ends between timeout −
 * 1 min and timeout after its last request, on every replica alike (they all read the same row).
 * The session itself, its attributes and its logout are unchanged.
 *
 * <p>Wired by wrapping the repository bean Spring Boot builds (with its settings and clean-up), so
 * that Spring Session's filter gets this one; the JDBC repository is still destroyed as its own
 * bean.
 */
@Component
class SessionAccessWrites implements BeanPostProcessor {

  /** How stale the stored last access time may get before a request writes it. */
  static final Duration ACCESS_PRECISION = Duration.ofMinutes(1);

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    return bean instanceof JdbcIndexedSessionRepository jdbc ? new Repository(jdbc) : bean;
  }

  /** The JDBC repository, saving only sessions with something to write. */
  static final class Repository implements FindByIndexNameSessionRepository<LazySession> {

    /** The JDBC repository through its {@link Session} face (its session class is not public). */
    private final FindByIndexNameSessionRepository<Session> jdbc;

    @SuppressWarnings({"unchecked", "rawtypes"})
    Repository(JdbcIndexedSessionRepository jdbc) {
      this.jdbc = (FindByIndexNameSessionRepository) jdbc;
    }

    @Override
    public LazySession createSession() {
      return new LazySession(jdbc.createSession(), true);
    }

    @Override
    public void save(LazySession session) {
      if (session.dirty) {
        jdbc.save(session.stored);
        session.dirty = false;
      }
    }

    @Override
    public LazySession findById(String id) {
      Session stored = jdbc.findById(id);
      return stored == null ? null : new LazySession(stored, false);
    }

    @Override
    public void deleteById(String id) {
      jdbc.deleteById(id);
    }

    @Override
    public Map<String, LazySession> findByIndexNameAndIndexValue(
        String indexName, String indexValue) {
      Map<String, LazySession> found = new LinkedHashMap<>();
      jdbc.findByIndexNameAndIndexValue(indexName, indexValue)
          .forEach((id, s) -> found.put(id, new LazySession(s, false)));
      return found;
    }
  }

  /**
   * A session as read from the database, which remembers whether it has anything to write: its last
   * access time is moved in the stored session only once {@link #ACCESS_PRECISION} old, and
   * answered exactly in the meantime.
   */
  static final class LazySession implements Session {

    private final Session stored;
    private Instant lastAccessed;
    private boolean dirty;

    LazySession(Session stored, boolean created) {
      this.stored = stored;
      this.lastAccessed = stored.getLastAccessedTime();
      this.dirty = created;
    }

    /** Whether saving it writes anything. */
    boolean dirty() {
      return dirty;
    }

    @Override
    public String getId() {
      return stored.getId();
    }

    @Override
    public String changeSessionId() {
      dirty = true;
      return stored.changeSessionId();
    }

    @Override
    public <T> T getAttribute(String attributeName) {
      return stored.getAttribute(attributeName);
    }

    @Override
    public Set<String> getAttributeNames() {
      return stored.getAttributeNames();
    }

    @Override
    public void setAttribute(String attributeName, Object attributeValue) {
      dirty = true;
      stored.setAttribute(attributeName, attributeValue);
    }

    @Override
    public void removeAttribute(String attributeName) {
      dirty = true;
      stored.removeAttribute(attributeName);
    }

    @Override
    public Instant getCreationTime() {
      return stored.getCreationTime();
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
      this.lastAccessed = lastAccessedTime;
      if (!lastAccessedTime.isBefore(stored.getLastAccessedTime().plus(ACCESS_PRECISION))) {
        stored.setLastAccessedTime(lastAccessedTime);
        dirty = true;
      }
    }

    @Override
    public Instant getLastAccessedTime() {
      return lastAccessed;
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
      dirty = true;
      stored.setMaxInactiveInterval(interval);
    }

    @Override
    public Duration getMaxInactiveInterval() {
      return stored.getMaxInactiveInterval();
    }

    @Override
    public boolean isExpired() {
      return stored.isExpired();
    }
  }
}
