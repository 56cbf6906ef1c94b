package fr.secondevie.recycling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecyclingPrerequisitesTests {

  final AdaptedCompanyRepository companies = mock(AdaptedCompanyRepository.class);

  static AdaptedCompany company(boolean active, boolean defaultCompany) {
    AdaptedCompany company = mock(AdaptedCompany.class);
    when(company.active()).thenReturn(active);
    when(company.defaultCompany()).thenReturn(defaultCompany);
    return company;
  }

  @Test
  void shouldAskForADefaultAdaptedCompanyWhenThereIsNone() {
    // given
    when(companies.findDefault()).thenReturn(Optional.empty());

    // when / then
    assertThat(new RecyclingPrerequisites(companies).missing())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.fixPath()).isEqualTo("/adapted-companies/new");
              assertThat(p.consequence()).contains("incident");
            });
  }

  @Test
  void shouldAskForOneWhenTheDefaultCompanyIsInactive() {
    // given
    AdaptedCompany inactive = company(false, true);
    when(companies.findDefault()).thenReturn(Optional.of(inactive));

    // when / then
    assertThat(new RecyclingPrerequisites(companies).missing()).hasSize(1);
  }

  @Test
  void shouldBeReadyWithAnActiveDefaultCompany() {
    // given
    AdaptedCompany active = company(true, true);
    when(companies.findDefault()).thenReturn(Optional.of(active));

    // when / then
    assertThat(new RecyclingPrerequisites(companies).missing()).isEmpty();
  }
}
