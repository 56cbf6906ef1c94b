package fr.secondevie.inventory.glpi;

import static fr.secondevie.support.GlpiCsv.desktop;
import static fr.secondevie.support.GlpiCsv.glpi;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.support.GlpiCsv;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values a GLPI export may hold but no asset may: an inventory number that cannot be a path segment
 * of {@code /assets/{inventoryNumber}}, a number too large for its column. Each is a row error
 * naming the line and the column; the row is not imported.
 */
class GlpiInputLimitsTests {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

  static GlpiCsvParser.Result parse(GlpiCsv csv) {
    return GlpiCsvParser.parse(csv.bytes(), TODAY, n -> {});
  }

  static List<String> desktopWith(int column, String value) {
    List<String> row = new ArrayList<>(desktop("CHU-1", "SN1"));
    row.set(column, value);
    return row;
  }

  static final int INVENTORY_NUMBER = GlpiCsv.HEADER.indexOf("Numéro d'inventaire");
  static final int PURCHASE_DATE = GlpiCsv.HEADER.indexOf("Date d'achat");
  static final int VALUE = GlpiCsv.HEADER.indexOf("Valeur");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CHU/2019/1",
        "CHU%2F1",
        "CHU?1",
        "CHU#1",
        "CHU<b>1",
        "CHU>1",
        "CHU\\1",
        "CHU\u00011",
        "CHU\t1",
        "CHU\u007f1"
      })
  void shouldRefuseAnInventoryNumberThatCannotBeAPathSegment(String number) throws Exception {
    // given
    GlpiCsv csv = glpi().row(desktop("CHU-OK", "SN0")).row(desktopWith(INVENTORY_NUMBER, number));

    // when
    var result = parse(csv);

    // then
    assertThat(result.rows()).extracting(ImportedAsset::inventoryNumber).containsExactly("CHU-OK");
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.field()).isEqualTo("Numéro d'inventaire");
              assertThat(e.message()).startsWith("Numéro d'inventaire refusé : ");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"CHU76-2012-00001", "CHU-É1", "PARC 12.4", "A_b-C:3"})
  void shouldAcceptTheInventoryNumbersHospitalsUse(String number) throws Exception {
    var result = parse(glpi().row(desktopWith(INVENTORY_NUMBER, number)));

    assertThat(result.errors()).isEmpty();
    assertThat(result.rows()).extracting(ImportedAsset::inventoryNumber).containsExactly(number);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "123456789012345678901234567890",
        "123456789012345678901234567890,99",
        "99999999999999999999.5",
        "10000000,01"
      })
  void shouldGiveARowErrorForAValueTooLargeForItsColumn(String value) throws Exception {
    // when
    var result = parse(glpi().row(desktopWith(VALUE, value)));

    // then
    assertThat(result.rows()).isEmpty();
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.field()).isEqualTo("Valeur");
              assertThat(e.message()).contains("plus de 10 millions d'euros");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e400", "NaN", "Infinity", "0x10"})
  void shouldGiveARowErrorForAValueThatIsNoAmount(String value) throws Exception {
    var result = parse(glpi().row(desktopWith(VALUE, value)));

    assertThat(result.rows()).isEmpty();
    assertThat(result.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.message()).startsWith("Montant illisible"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"99999-01-01", "01-01-99999", "2019-13-40"})
  void shouldGiveARowErrorForAnImpossibleYearOrDay(String date) throws Exception {
    var result = parse(glpi().row(desktopWith(PURCHASE_DATE, date)));

    assertThat(result.rows()).isEmpty();
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.field()).isEqualTo("Date d'achat");
              assertThat(e.message()).startsWith("Date");
            });
  }
}
