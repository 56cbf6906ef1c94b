package fr.secondevie.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.common.InputError;
import fr.secondevie.indicators.SpendLedgerCsv.Parsed;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SpendLedgerCsvTest {

  static final String HEADER = "date;piece;fournisseur;libelle;montant_ht;nature;compte\n";

  @Test
  void shouldReadAUtf8SemicolonLedgerAndComputeTheReconditionedShare() {
    // given
    String csv =
        HEADER
            + "15/03/2025;F-2025-001;Dell France;Postes fixes neufs;8 000,00;NEUF;2183\n"
            + "2025-04-02;F-2025-002;Ateliers du Bocage;Portables reconditionnés;1 500,50;Reconditionné;2183\n"
            + "20/05/2025;F-2025-003;Emmaüs Connect;Écrans;499,50;RÉEMPLOI;2183\n"
            + "02/01/2024;F-2024-099;Dell France;Ancien exercice;1000;NEUF;2183\n";

    // when
    Parsed parsed = SpendLedgerCsv.parse(csv.getBytes(StandardCharsets.UTF_8));
    PurchaseShare share = PurchaseShare.of(2025, parsed.lines());

    // then: (1 500,50 + 499,50) / 10 000,00 = 20,0 %
    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.encoding()).isEqualTo("UTF-8");
    assertThat(parsed.lines()).hasSize(4);
    assertThat(parsed.lines().get(1).supplier()).isEqualTo("Ateliers du Bocage");
    assertThat(share.totalCents()).isEqualTo(1_000_000);
    assertThat(share.reusedCents()).isEqualTo(200_000);
    assertThat(share.share()).contains(new BigDecimal("20.0"));
    assertThat(share.targetReached()).contains(true);
  }

  @Test
  void shouldReadAWindows1252CommaLedger() {
    // given
    String csv =
        "date,piece,fournisseur,montant_ht,nature\n"
            + "15/03/2025,F-1,Société Générale d'Équipement,\"1,234.56\",NEUF\n";

    // when
    Parsed parsed = SpendLedgerCsv.parse(csv.getBytes(Charset.forName("windows-1252")));

    // then
    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.encoding()).isEqualTo("Windows-1252");
    assertThat(parsed.delimiter()).isEqualTo(',');
    assertThat(parsed.lines().get(0).supplier()).isEqualTo("Société Générale d'Équipement");
    assertThat(parsed.lines().get(0).amountCents()).isEqualTo(123_456);
  }

  @Test
  void shouldReportEveryBadRowByLineAndField() {
    // given
    String csv =
        HEADER
            + "15/03/2025;F-1;Dell;ok;100;NEUF;\n"
            + "31/02/2025;F-2;Dell;;100;NEUF;\n"
            + "15/03/2025;;Dell;;douze;NEUF;\n"
            + "15/03/2025;F-4;;;100;occasion;\n";

    // when
    Parsed parsed = SpendLedgerCsv.parse(csv.getBytes(StandardCharsets.UTF_8));

    // then
    assertThat(parsed.valid()).isFalse();
    assertThat(parsed.errors())
        .extracting(InputError::line, InputError::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3, "date"),
            org.assertj.core.groups.Tuple.tuple(4, "piece"),
            org.assertj.core.groups.Tuple.tuple(4, "montant_ht"),
            org.assertj.core.groups.Tuple.tuple(5, "fournisseur"),
            org.assertj.core.groups.Tuple.tuple(5, "nature"));
    assertThat(parsed.errors().get(2).message()).contains("« douze »");
  }

  @Test
  void shouldRefuseAHeaderWithoutTheRequiredColumns() {
    // when
    Parsed parsed =
        SpendLedgerCsv.parse("date;montant\n01/01/2025;12\n".getBytes(StandardCharsets.UTF_8));

    // then
    assertThat(parsed.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.message()).contains("piece, fournisseur, montant_ht, nature");
            });
  }

  @Test
  void shouldShowNonCalculableForAYearWithoutSpend() {
    assertThat(PurchaseShare.of(2022, 0, 0).display()).isEqualTo("non calculable");
  }

  @Test
  void shouldReadFrenchAndEnglishAmounts() {
    assertThat(SpendLedgerCsv.amountCents("1 234,56 €")).isEqualTo(123_456);
    assertThat(SpendLedgerCsv.amountCents("1.234,5")).isEqualTo(123_450);
    assertThat(SpendLedgerCsv.amountCents("-12.30")).isEqualTo(-1_230);
    assertThat(SpendLedgerCsv.amountCents("12,345")).isNull();
    assertThat(SpendLedgerCsv.amountCents("")).isNull();
  }
}
