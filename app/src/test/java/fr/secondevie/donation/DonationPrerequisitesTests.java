package fr.secondevie.donation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import org.junit.jupiter.api.Test;

class DonationPrerequisitesTests {

  final BeneficiaryRepository beneficiaries = mock(BeneficiaryRepository.class);

  static Beneficiary beneficiary(boolean eligible) {
    Beneficiary b = mock(Beneficiary.class);
    when(b.eligible()).thenReturn(eligible);
    return b;
  }

  @Test
  void shouldAskForAnEligibleBeneficiaryWhenNoneMayReceiveAProposal() {
    // given: registered, but without proof or commitment
    List<Beneficiary> ineligible = List.of(beneficiary(false));
    when(beneficiaries.findAllByName()).thenReturn(ineligible);

    // when / then
    assertThat(new DonationPrerequisites(beneficiaries).missing())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.fixPath()).isEqualTo("/beneficiaries/new");
              assertThat(p.what()).contains("engagement de réemploi");
            });
  }

  @Test
  void shouldBeReadyWithOneEligibleBeneficiary() {
    // given
    List<Beneficiary> eligible = List.of(beneficiary(true));
    when(beneficiaries.findAllByName()).thenReturn(eligible);

    // when / then
    assertThat(new DonationPrerequisites(beneficiaries).missing()).isEmpty();
  }
}
