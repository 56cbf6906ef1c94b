package fr.secondevie.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.common.Prerequisite;
import fr.secondevie.common.PrerequisiteCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrerequisitesTests {

  @Test
  void shouldListWhatEachFeatureMissesAndReportACheckThatFails() {
    // given
    Prerequisite smtp = new Prerequisite("Pas de SMTP.", "Rien ne part.", "spring.mail.host");
    PrerequisiteCheck ready = List::of;
    PrerequisiteCheck mail = () -> List.of(smtp);
    PrerequisiteCheck broken =
        () -> {
          throw new IllegalStateException("database down");
        };

    // when
    List<Prerequisite> missing = new Prerequisites(List.of(ready, mail, broken)).missing();

    // then
    assertThat(missing).hasSize(2);
    assertThat(missing.get(0)).isEqualTo(smtp);
    assertThat(missing.get(1).what()).contains("a échoué");
    assertThat(missing.get(1).isPage()).isFalse();
  }

  @Test
  void shouldTellAPageFromASetting() {
    // given / when / then
    assertThat(new Prerequisite("a", "b", "/adapted-companies/new").isPage()).isTrue();
    assertThat(new Prerequisite("a", "b", "spring.mail.host (SPRING_MAIL_HOST)").isPage())
        .isFalse();
  }
}
