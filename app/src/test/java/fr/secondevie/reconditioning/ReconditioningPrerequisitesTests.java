package fr.secondevie.reconditioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReconditioningPrerequisitesTests {

  final ReconditionerRepository reconditioners = mock(ReconditionerRepository.class);

  static Reconditioner reconditioner(boolean active) {
    Reconditioner r = mock(Reconditioner.class);
    when(r.active()).thenReturn(active);
    return r;
  }

  @Test
  void shouldAskForAnActiveReconditionerWhenAllAreInactive() {
    // given
    List<Reconditioner> inactive = List.of(reconditioner(false));
    when(reconditioners.findAllOrdered()).thenReturn(inactive);

    // when / then
    assertThat(new ReconditioningPrerequisites(reconditioners).missing())
        .singleElement()
        .satisfies(p -> assertThat(p.fixPath()).isEqualTo("/reconditioners"));
  }

  @Test
  void shouldBeReadyWithOneActiveReconditioner() {
    // given
    List<Reconditioner> oneActive = List.of(reconditioner(false), reconditioner(true));
    when(reconditioners.findAllOrdered()).thenReturn(oneActive);

    // when / then
    assertThat(new ReconditioningPrerequisites(reconditioners).missing()).isEmpty();
  }
}
