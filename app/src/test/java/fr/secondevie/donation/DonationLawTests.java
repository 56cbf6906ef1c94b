package fr.secondevie.donation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.donation.DonationLaw.AssetFacts;
import fr.secondevie.inventory.AssetCategory;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The conditions of a free transfer, at their boundaries, with the figures of the bundled {@code
 * asset-route} table (10 years, 300 €; read from the table by {@code DonationLimitsTests}).
 */
class DonationLawTests {

  static final BigDecimal TABLE_AGE_LIMIT = BigDecimal.TEN;
  static final BigDecimal TABLE_CAP = new BigDecimal("300");

  static DonationLaw.AssetCheck check(AssetFacts facts) {
    return DonationLaw.check(facts, TABLE_AGE_LIMIT, TABLE_CAP);
  }

  static AssetFacts desktop(String ageYears, String value, String sanitization) {
    return new AssetFacts(
        AssetCategory.DESKTOP,
        ageYears == null ? null : new BigDecimal(ageYears),
        value == null ? null : new BigDecimal(value),
        sanitization);
  }

  @ParameterizedTest
  @CsvSource({
    "300.00, true",
    "300, true",
    "299.99, true",
    "0, true",
    "300.01, false",
    "300.001, false",
    "450, false"
  })
  void shouldAllowAUnitValueUpTo300EurosIncluded(String value, boolean allowed) {
    // when
    DonationLaw.AssetCheck check = check(desktop("6", value, "PASSED"));

    // then
    assertThat(check.valueWithinCap()).isEqualTo(allowed);
    assertThat(check.passed()).isEqualTo(allowed);
  }

  @ParameterizedTest
  @CsvSource({"10, true", "10.0000, true", "9.99, true", "10.0027, false", "12, false"})
  void shouldAllowTenYearsExactlyButNotOneDayMore(String age, boolean allowed) {
    assertThat(check(desktop(age, "80", "PASSED")).ageWithinLimit()).isEqualTo(allowed);
  }

  @ParameterizedTest
  @CsvSource({"PASSED, true", "NO_STORAGE, true", "MEDIA_DESTROYED, false", "'', false"})
  void shouldRequireACertifiedWipeOrNoStorage(String outcome, boolean allowed) {
    assertThat(check(desktop("5", "80", outcome)).sanitizationPassed()).isEqualTo(allowed);
  }

  @ParameterizedTest
  @EnumSource(
      value = AssetCategory.class,
      names = {"SERVER", "STORAGE_ARRAY", "NETWORK_SWITCH", "SECURITY_APPLIANCE"})
  void shouldNeverGiveInfrastructure(AssetCategory category) {
    // given
    AssetFacts facts = new AssetFacts(category, BigDecimal.ONE, BigDecimal.TEN, "PASSED");

    // when
    DonationLaw.AssetCheck check = check(facts);

    // then
    assertThat(check.categoryEligible()).isFalse();
    assertThat(check.failures()).singleElement().asString().contains("non cessible");
  }

  @Test
  void shouldNameEveryFailureWhenNothingIsKnown() {
    // when
    DonationLaw.AssetCheck check = check(new AssetFacts(null, null, null, null));

    // then
    assertThat(check.failures())
        .containsExactly(
            "âge inconnu",
            "valeur résiduelle inconnue",
            "effacement non certifié (inconnu)",
            "catégorie inconnue non cessible (seuls les postes, portables, écrans, imprimantes et"
                + " téléphones le sont)");
  }

  @Test
  void shouldOfferTheSolidarityClauseOnlyToPublicUtilityAndGeneralInterestAssociations() {
    assertThat(LegalCategory.values())
        .filteredOn(LegalCategory::solidarityResaleAllowed)
        .containsExactlyInAnyOrder(
            LegalCategory.PUBLIC_UTILITY_ASSOCIATION, LegalCategory.GENERAL_INTEREST_PRECARITY);
    assertThat(LegalCategory.values())
        .filteredOn(c -> !c.eligibleForItEquipment())
        .containsExactlyInAnyOrder(LegalCategory.ASSISTANCE_WORKS, LegalCategory.OTHER);
  }

  @Test
  void shouldApplyTheFiguresOfTheTableGiven() {
    // given a table whose owner lowered the age limit to 8 years and the cap to 250 €
    AssetFacts nineYearsAt280 = desktop("9", "280", "PASSED");

    // when
    DonationLaw.AssetCheck check =
        DonationLaw.check(nineYearsAt280, new BigDecimal("8"), new BigDecimal("250"));

    // then
    assertThat(check.ageWithinLimit()).isFalse();
    assertThat(check.valueWithinCap()).isFalse();
    assertThat(check.failures())
        .contains("plus de 8 ans (9 ans)")
        .anyMatch(f -> f.contains("au-delà du plafond de 250 €"));
    assertThat(check(nineYearsAt280).passed()).isTrue();
  }
}
