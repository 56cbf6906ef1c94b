package fr.secondevie.inventory.glpi;

import static fr.secondevie.support.GlpiCsv.desktop;
import static fr.secondevie.support.GlpiCsv.glpi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.common.InputError;
import fr.secondevie.common.InvalidInputException;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.support.GlpiCsv;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlpiCsvParserTests {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

  static GlpiCsvParser.Result parse(byte[] bytes) {
    return GlpiCsvParser.parse(bytes, TODAY, n -> {});
  }

  static List<InputError> rejection(byte[] bytes) {
    try {
      parse(bytes);
    } catch (InvalidInputException e) {
      assertThat(e.subject()).isEqualTo("Fichier GLPI refusé");
      return e.inputErrors();
    }
    throw new AssertionError("expected the file to be rejected");
  }

  @Test
  void readsTheSampleExportAsGlpiWritesIt() throws Exception {
    var result = parse(GlpiCsv.sample());

    assertThat(result.errors()).isEmpty();
    assertThat(result.format().encoding()).isEqualTo("UTF-8 (BOM)");
    assertThat(result.format().delimiter()).isEqualTo(';');
    assertThat(result.rows()).hasSize(64);
    assertThat(result.rows())
        .extracting(r -> r.description().category())
        .contains(AssetCategory.values());
  }

  @Test
  void mapsColumnsValuesAndKeepsOtherColumnsAsAttributes() throws Exception {
    var row = parse(glpi().row(desktop("CHU-1", "SN1")).bytes()).rows().get(0);

    assertThat(row.line()).isEqualTo(2);
    assertThat(row.inventoryNumber()).isEqualTo("CHU-1");
    var d = row.description();
    assertThat(d.serialNumber()).isEqualTo("SN1");
    assertThat(d.category()).isEqualTo(AssetCategory.DESKTOP);
    assertThat(d.site()).isEqualTo("Hôpital Charles-Nicolle");
    assertThat(d.location()).endsWith("> Cardiologie");
    assertThat(d.service()).isEqualTo("Cardiologie");
    assertThat(d.acquisitionDate()).isEqualTo(LocalDate.of(2018, 5, 14));
    assertThat(d.acquisitionCostCents()).isEqualTo(71240L);
    assertThat(row.initialStatus()).isEqualTo(AssetStatus.IN_SERVICE);
    assertThat(row.attributes())
        .containsEntry("Composants - Processeur", "Intel Core i5-8500")
        .containsEntry("Type GLPI", "Poste fixe")
        .containsEntry("Entité GLPI", "CHU de Rouen");
  }

  @Test
  void acceptsCommaSeparatedWindows1252WithoutBom() throws Exception {
    var bytes =
        glpi()
            .delimiter(',')
            .charset(CsvText.WINDOWS_1252, false)
            .row(desktop("CHU-É1", "SN1"))
            .bytes();

    var result = parse(bytes);

    assertThat(result.errors()).isEmpty();
    assertThat(result.format().encoding()).isEqualTo("Windows-1252");
    assertThat(result.format().delimiter()).isEqualTo(',');
    assertThat(result.rows().get(0).inventoryNumber()).isEqualTo("CHU-É1");
    assertThat(result.rows().get(0).description().site()).isEqualTo("Hôpital Charles-Nicolle");
  }

  @Test
  void acceptsPlainUnquotedCsvAndOtherNumberAndDateFormats() throws Exception {
    String csv =
        "Numéro d'inventaire,Type,Numéro de série,Date d'achat,Valeur,Statut\n"
            + "A1,Laptop,S1,14-05-2019,\"1,234.50\",En stock\n"
            + "A2,Écran,S2,14/05/2019 10:20,1 234.5,En service\n"
            + "A3,switch,S3,,,\n";

    var result = parse(csv.getBytes(StandardCharsets.UTF_8));

    assertThat(result.errors()).isEmpty();
    assertThat(result.rows())
        .extracting(r -> r.description().acquisitionCostCents())
        .containsExactly(123450L, 123450L, null);
    assertThat(result.rows())
        .extracting(r -> r.description().category())
        .containsExactly(AssetCategory.LAPTOP, AssetCategory.MONITOR, AssetCategory.NETWORK_SWITCH);
    assertThat(result.rows().get(0).initialStatus()).isEqualTo(AssetStatus.IN_STOCK);
    assertThat(result.rows().get(1).description().acquisitionDate())
        .isEqualTo(LocalDate.of(2019, 5, 14));
  }

  @Test
  void rejectsAnEmptyFile() {
    assertThat(rejection(new byte[0]))
        .singleElement()
        .extracting(InputError::message)
        .asString()
        .contains("vide");
    assertThat(rejection(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n', ' ', '\n'}))
        .singleElement()
        .extracting(InputError::message)
        .asString()
        .contains("vide");
  }

  @Test
  void rejectsAHeaderWithoutRows() {
    assertThat(rejection(glpi().bytes()))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("aucun équipement"));
  }

  @Test
  void rejectsAnUnsupportedDelimiter() {
    byte[] tabs = glpi().delimiter('\t').row(desktop("A", "S")).bytes();

    assertThat(rejection(tabs))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.message()).contains("Séparateur non reconnu").contains("tabulations");
            });
  }

  @Test
  void reportsRowsWrittenWithAnotherDelimiterThanTheHeader() throws Exception {
    String csv = glpi().row(desktop("A", "S")).text() + String.join(",", desktop("B", "T")) + "\n";

    var result = parse(csv.getBytes(StandardCharsets.UTF_8));

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.message()).contains("Ligne incomplète").contains("« ; »");
            });
  }

  @Test
  void rejectsMissingRequiredColumnsNamingEachOne() {
    byte[] bytes = GlpiCsv.withHeader("Nom", "Fabricant", "Modèle").row("PC", "Dell", "X").bytes();

    assertThat(rejection(bytes))
        .extracting(InputError::line, InputError::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "Numéro d'inventaire"),
            org.assertj.core.groups.Tuple.tuple(1, "Type"));
  }

  @Test
  void reportsEveryBadDateWithLineAndField() throws Exception {
    List<String> future = new ArrayList<>(desktop("A2", "S2"));
    future.set(11, "2031-01-01");
    List<String> invalid = new ArrayList<>(desktop("A3", "S3"));
    invalid.set(11, "2019-02-30");
    List<String> unreadable = new ArrayList<>(desktop("A4", "S4"));
    unreadable.set(11, "mai 2019");
    byte[] bytes = glpi().row(desktop("A1", "S1")).row(future).row(invalid).row(unreadable).bytes();

    var result = parse(bytes);

    assertThat(result.rows()).hasSize(1);
    assertThat(result.errors())
        .extracting(InputError::line, InputError::field, InputError::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3, "Date d'achat", "2031-01-01"),
            org.assertj.core.groups.Tuple.tuple(4, "Date d'achat", "2019-02-30"),
            org.assertj.core.groups.Tuple.tuple(5, "Date d'achat", "mai 2019"));
    assertThat(result.errors().get(0).message()).contains("futur");
  }

  @Test
  void reportsDuplicateInventoryNumbersInTheFile() throws Exception {
    byte[] bytes =
        glpi()
            .row(desktop("CHU-7", "S1"))
            .row(desktop("CHU-8", "S2"))
            .row(desktop("chu-7", "S3"))
            .bytes();

    var result = parse(bytes);

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.field()).isEqualTo("Numéro d'inventaire");
              assertThat(e.message()).contains("déjà présent ligne 2");
            });
  }

  @Test
  void reportsMissingInventoryNumberUnknownTypeAndBadValue() throws Exception {
    List<String> noNumber = new ArrayList<>(desktop("", "S1"));
    List<String> unknownType = new ArrayList<>(desktop("A2", "S2"));
    unknownType.set(5, "Grille-pain");
    List<String> badValue = new ArrayList<>(desktop("A3", "S3"));
    badValue.set(12, "-12,00");

    var result = parse(glpi().row(noNumber).row(unknownType).row(badValue).bytes());

    assertThat(result.errors())
        .extracting(InputError::line, InputError::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "Numéro d'inventaire"),
            org.assertj.core.groups.Tuple.tuple(3, "Type"),
            org.assertj.core.groups.Tuple.tuple(4, "Valeur"));
  }

  @Test
  void rejectsUtf16AndBinaryFiles() {
    byte[] utf16 = glpi().row(desktop("A", "S")).text().getBytes(StandardCharsets.UTF_16);

    assertThat(rejection(utf16))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("UTF-16"));
  }

  @Test
  void rejectsTextThatWasDecodedTwice() {
    String mojibake =
        new String(
            glpi().row(desktop("A", "S")).text().getBytes(StandardCharsets.UTF_8),
            CsvText.WINDOWS_1252);

    assertThat(rejection(mojibake.getBytes(StandardCharsets.UTF_8)))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("mal encodé"));
  }

  @Test
  void rejectsBytesThatAreNeitherUtf8NorWindows1252() {
    byte[] bytes = glpi().row(desktop("A", "S")).bytes();
    byte[] broken = new byte[bytes.length - 3];
    System.arraycopy(bytes, 3, broken, 0, broken.length);
    broken[broken.length - 5] = (byte) 0x81; // invalid in UTF-8, undefined in Windows-1252

    assertThatThrownBy(() -> parse(broken))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Encodage non reconnu");
  }

  @Test
  void acceptsGlpiFinancialColumnsPrefixedWithTheirObject() throws Exception {
    byte[] bytes =
        GlpiCsv.withHeader(
                "Numéro d'inventaire",
                "Type",
                "Informations financières et administratives - Date d'achat",
                "Informations financières et administratives - Valeur")
            .row("A1", "Serveur", "2016-03-01", "9 800,00")
            .bytes();

    var row = parse(bytes).rows().get(0);

    assertThat(row.description().acquisitionDate()).isEqualTo(LocalDate.of(2016, 3, 1));
    assertThat(row.description().acquisitionCostCents()).isEqualTo(980000L);
  }

  @Test
  void shouldNameTheLineAndTheQuoteProblemInFrenchWhenARecordCannotBeRead() {
    // given the sample export whose third line has text after a field's closing quote, and the
    // same export whose last line opens a quote it never closes
    String[] lines = sampleLines();
    String strayQuote =
        lines[0] + "\n" + lines[1] + "\n" + "\"PC-\"X" + lines[2].substring(lines[2].indexOf(';'));
    String unclosed = lines[0] + "\n" + lines[1] + "\n" + "\"PC-MAT-0099;CHU de Rouen\n";

    // when
    List<InputError> stray = errorsOf(strayQuote);
    List<InputError> open = errorsOf(unclosed);

    // then
    assertThat(stray).hasSize(1);
    assertThat(stray.get(0).line()).isEqualTo(3);
    assertThat(stray.get(0).message())
        .startsWith("Ligne illisible : un caractère suit le guillemet fermant")
        .doesNotContain("CSV")
        .doesNotContain("org.apache");
    assertThat(open).hasSize(1);
    assertThat(open.get(0).line()).isEqualTo(3);
    assertThat(open.get(0).message())
        .startsWith("Ligne illisible : un champ ouvert par un guillemet")
        .doesNotContain("EOF")
        .doesNotContain("org.apache");
  }

  private static String[] sampleLines() {
    try {
      String text =
          java.nio.file.Files.readString(
              java.nio.file.Path.of("..", "samples", "glpi-export-chu.csv"),
              StandardCharsets.UTF_8);
      return text.split("\r?\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<InputError> errorsOf(String csv) {
    byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
    try {
      List<InputError> errors = new ArrayList<>(parse(bytes).errors());
      return errors.stream().filter(e -> e.message().startsWith("Ligne illisible")).toList();
    } catch (InvalidInputException e) {
      return e.inputErrors().stream()
          .filter(r -> r.message().startsWith("Ligne illisible"))
          .toList();
    }
  }
}
