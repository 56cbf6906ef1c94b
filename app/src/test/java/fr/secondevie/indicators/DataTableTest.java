package fr.secondevie.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataTableTest {

  @Test
  void shouldExportPlainValuesQuotedAndNeverAsFormulas() {
    // given
    DataTable table =
        DataTable.of("t", "Titre", List.of("numero", "texte", "montant", "date"), 0)
            .with(
                List.of(
                    row(
                        new DataTable.AssetRef(7, "INV-7"),
                        "a, \"b\"",
                        new BigDecimal("1234.50"),
                        LocalDate.of(2025, 1, 2)),
                    row(new DataTable.AssetRef(8, "INV-8"), "=SOMME(A1)", null, null)));

    // when
    String csv = table.csv();

    // then
    assertThat(csv)
        .isEqualTo(
            "numero,texte,montant,date\r\n"
                + "INV-7,\"a, \"\"b\"\"\",1234.50,2025-01-02\r\n"
                + "INV-8,'=SOMME(A1),,\r\n");
    assertThat(table.assetIds()).containsExactly(7L, 8L);
  }

  @Test
  void shouldShowNumbersTheFrenchWay() {
    assertThat(DataTable.display(new BigDecimal("1234.50"))).isEqualTo("1\u00a0234,50");
    assertThat(DataTable.display(12000L)).isEqualTo("12\u00a0000");
    assertThat(DataTable.display(LocalDate.of(2025, 3, 1))).isEqualTo("01/03/2025");
    assertThat(DataTable.display(null)).isEqualTo("—");
  }

  private static List<Object> row(Object... cells) {
    return new ArrayList<>(Arrays.asList(cells));
  }
}
