package fr.secondevie.support;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Gives every Spring test context the JVM's one {@link TestClock} as its {@link Clock} (it wins
 * over the application's system clock by being {@code @Primary}). Registered for tests only, in
 * {@code src/test/resources/META-INF/spring/...AutoConfiguration.imports}.
 */
@AutoConfiguration
public class TestClockConfiguration {

  @Bean
  @Primary
  TestClock testClock(@Value("${" + TestClock.PROPERTY + ":}") String start) {
    return TestClock.shared(TestClock.startInstant(start));
  }
}
