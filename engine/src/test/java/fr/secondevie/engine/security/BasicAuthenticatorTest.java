package fr.secondevie.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.engine.EngineCredentials;
import fr.secondevie.engine.security.BasicAuthenticator.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which {@code Authorization} values pass. */
class BasicAuthenticatorTest {

  static final BasicAuthenticator AUTHENTICATOR =
      new BasicAuthenticator(new EngineCredentials("engine", "pa:ss wörd"));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      textBlock =
          """
          NULL                        | MISSING
          ''                          | MISSING
          Bearer abc                  | MALFORMED
          Basic !!!                   | MALFORMED
          Basic                       | MALFORMED
          Basic engine:pa:ss wörd     | MALFORMED
          base64 engine:pa:ss wörd    | ACCEPTED
          base64 engine:pa:ss wörd!   | WRONG
          base64 Engine:pa:ss wörd    | WRONG
          base64 engine:              | WRONG
          base64 engine               | WRONG
          lower engine:pa:ss wörd     | ACCEPTED
          """)
  void shouldAcceptOnlyTheEnginesCredentials(String header, Outcome expected) {
    // given
    String value = header;
    if (header != null && header.startsWith("base64 ")) {
      value = "Basic " + encode(header.substring(7));
    } else if (header != null && header.startsWith("lower ")) {
      value = "basic " + encode(header.substring(6));
    }

    // when
    Outcome outcome = AUTHENTICATOR.check(value, "test", "nowhere");

    // then
    assertThat(outcome).isEqualTo(expected);
  }

  private static String encode(String userAndPassword) {
    return Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }
}
