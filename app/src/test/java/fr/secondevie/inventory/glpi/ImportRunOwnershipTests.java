package fr.secondevie.inventory.glpi;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.support.TestDatabase;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Two replicas share the database: an import belongs to the replica that runs it, and another one
 * fails it only when its owner stopped beating (issue 17: replica B used to fail A's running import
 * at its start).
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportRunOwnershipTests {

  @Autowired ImportRunOwnership ownership;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  @BeforeEach
  void noRuns() {
    TestDatabase.clean(jdbc);
  }

  long run(String owner, Instant heartbeat) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    jdbc.update(
        c -> {
          var s =
              c.prepareStatement(
                  "INSERT INTO import_run (file_name, file_sha256, file_size, status, started_by,"
                      + " started_at, owner_replica, heartbeat_at) VALUES ('glpi.csv', REPEAT('a',"
                      + " 64), 10, 'RUNNING', 'gestionnaire', ?, ?, ?)",
                  new String[] {"id"});
          s.setTimestamp(1, Timestamp.from(now));
          s.setString(2, owner);
          s.setTimestamp(3, heartbeat == null ? null : Timestamp.from(heartbeat));
          return s;
        },
        key);
    return key.getKey().longValue();
  }

  String status(long id) {
    return jdbc.queryForObject("SELECT status FROM import_run WHERE id = ?", String.class, id);
  }

  @Test
  void shouldLeaveTheRunningImportOfAnotherLiveReplicaAloneAtStart() {
    // given: replica B still beats for its import
    long ofB = run("replica-b:8080", clock.instant());

    // when: this replica starts
    ownership.failOwnLeftovers();

    // then
    assertThat(status(ofB)).isEqualTo("RUNNING");
  }

  @Test
  void shouldFailTheImportOfAReplicaThatStoppedBeating() {
    // given: replica B was killed three minutes ago
    long ofB = run("replica-b:8080", clock.instant().minus(Duration.ofMinutes(3)));

    // when
    ownership.failAbandoned();

    // then
    assertThat(status(ofB)).isEqualTo("FAILED");
    assertThat(
            jdbc.queryForObject("SELECT failure FROM import_run WHERE id = ?", String.class, ofB))
        .contains("renvoyez le fichier");
  }

  @Test
  void shouldFailItsOwnLeftoversAtStartButNeverWhileItRuns() {
    // given: an import of this replica, unfinished
    long mine = run(ownership.replica(), clock.instant());

    // when: the periodic sweep passes, even long after the last beat
    jdbc.update(
        "UPDATE import_run SET heartbeat_at = ? WHERE id = ?",
        Timestamp.from(clock.instant().minus(Duration.ofHours(1))),
        mine);
    ownership.failAbandoned();

    // then: the sweep leaves this replica's own imports alone
    assertThat(status(mine)).isEqualTo("RUNNING");

    // when: the replica (re)starts, it cannot be running what it recorded before
    ownership.failOwnLeftovers();

    // then
    assertThat(status(mine)).isEqualTo("FAILED");
  }

  @Test
  void shouldKeepTheImportsOfThisReplicaAliveByBeating() {
    // given
    Instant old = clock.instant().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MICROS);
    long mine = run(ownership.replica(), old);
    long ofB = run("replica-b:8080", old);

    // when
    ownership.beat();

    // then: only this replica's run beat
    Instant mineBeat =
        jdbc.queryForObject(
                "SELECT heartbeat_at FROM import_run WHERE id = ?", Timestamp.class, mine)
            .toInstant();
    Instant ofBBeat =
        jdbc.queryForObject(
                "SELECT heartbeat_at FROM import_run WHERE id = ?", Timestamp.class, ofB)
            .toInstant();
    assertThat(mineBeat).isAfter(old);
    assertThat(ofBBeat).isEqualTo(old);
  }

  @Test
  void shouldFailRunsRecordedBeforeOwnershipExisted() {
    // given: a run from before the upgrade, no owner
    long legacy = run(null, null);

    // when
    ownership.failAbandoned();

    // then
    assertThat(status(legacy)).isEqualTo("FAILED");
  }
}
