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
  void shouldRenderTheRowsEscapedWithTheAssetCellsLinkedToTheirPage() {
    // given
    DataTable table =
        DataTable.of("t", "Titre", List.of("numero", "texte", "montant"), 0)
            .with(
                List.of(
                    row(new DataTable.AssetRef(7, "INV<7>"), "a & \"b\" <i>", 12000L),
                    row("sans lien", "l'été", null)));
    DataTable empty = DataTable.of("e", "Vide", List.of("a", "b"), -1);

    // when
    String html = table.bodyHtml("/assets/");

    // then
    assertThat(html)
        .isEqualTo(
            "<tr><td><a href=\"/assets/7\">INV&lt;7&gt;</a></td>"
                + "<td>a &amp; &quot;b&quot; &lt;i&gt;</td><td>12\u00a0000</td></tr>\n"
                + "<tr><td>sans lien</td><td>l&#39;été</td><td>—</td></tr>\n");
    assertThat(empty.bodyHtml("/assets/"))
        .isEqualTo("<tr><td colspan=\"2\">Aucune ligne.</td></tr>");
  }

  @Test
  void shouldCutTheRowsIntoPagesOfFiftyWithTheAssetLinksOnEveryPage() {
    // given: 101 asset rows
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 1; i <= 101; i++) {
      rows.add(row(new DataTable.AssetRef(i, "INV-" + i), "x"));
    }
    DataTable table = DataTable.of("t", "Titre", List.of("numero", "texte"), 0).with(rows);

    // when
    String third = table.bodyHtml("/assets/", 3);

    // then
    assertThat(table.pages()).isEqualTo(3);
    assertThat(table.slice(2)).isEqualTo(new DataTable.Slice(2, 3, 51, 100, 101));
    assertThat(table.slice(2).text()).isEqualTo("Lignes 51 à 100 sur 101.");
    assertThat(table.slice(0)).isNull();
    assertThat(table.slice(4)).isNull();
    assertThat(third)
        .isEqualTo("<tr><td><a href=\"/assets/101\">INV-101</a></td><td>x</td></tr>\n");
    assertThat(table.bodyHtml("/assets/").split("\n")).hasSize(50);
    assertThat(table.csv().split("\r\n")).hasSize(102);
    DataTable empty = DataTable.of("e", "Vide", List.of("a"), -1);
    assertThat(empty.pages()).isEqualTo(1);
    assertThat(empty.slice(1).text()).isEqualTo("Aucune ligne.");
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
