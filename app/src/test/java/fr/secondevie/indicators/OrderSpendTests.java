package fr.secondevie.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.purchasing.PurchaseOrderReceived;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The AGEC share counts a purchase once (issue 15): a purchase order received in the application
 * writes its own line, and the accounting ledger imported later, which lists the same purchase
 * under the order's reference, neither counts it again nor removes the order's line.
 */
@SpringBootTest(properties = "camunda.client.worker.defaults.enabled=false")
@AutoConfigureMockMvc
class OrderSpendTests {

  /** A year of its own: nothing else of the suite writes spend for it. */
  static final int YEAR = 2031;

  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired SpendLedgerService ledger;
  @Autowired SpendQueries queries;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void noSpendThatYear() {
    jdbc.update("DELETE FROM spend_ledger_line WHERE spend_year = ?", YEAR);
  }

  void receive(String reference, long cents, boolean reconditioned) {
    tx.executeWithoutResult(
        status ->
            events.publishEvent(
                new PurchaseOrderReceived(
                    reference,
                    LocalDate.of(YEAR, 3, 12),
                    "Ateliers du Bocage",
                    "Portables reconditionnés",
                    cents,
                    reconditioned)));
  }

  byte[] accounting(String... rows) {
    StringBuilder csv = new StringBuilder(SpendLedgerCsvTest.HEADER);
    for (String row : rows) {
      csv.append(row).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void shouldCountAReceivedOrderOnceWhenTheAccountingLedgerListsItToo() {
    // given: 2 reconditioned laptops received in the application (1 000,00 € excl. VAT)
    receive("BC-2031-7", 100_000, true);

    // when: the accounting ledger of the year is imported, with that purchase and a new one
    ledger.importFile(
        "registre-2031.csv",
        accounting(
            "20/03/2031;BC-2031-7;Ateliers du Bocage;Portables reconditionnés;1 000,00;RECONDITIONNE;2183",
            "02/04/2031;F-2031-051;Dell France;Postes fixes neufs;3 000,00;NEUF;2183"),
        "gestionnaire");

    // then: 1 000 / 4 000 = 25 %, not 2 000 / 5 000
    PurchaseShare share = queries.purchaseShare(YEAR);
    assertThat(share.totalCents()).isEqualTo(400_000);
    assertThat(share.reusedCents()).isEqualTo(100_000);
    assertThat(queries.spendLines(YEAR))
        .extracting(SpendLedgerCsv.Line::reference)
        .containsExactly("BC-2031-7", "F-2031-051");
  }

  @Test
  void shouldKeepTheOrderLinesWhenTheLedgerOfTheYearIsImportedAgain() {
    // given
    receive("BC-2031-8", 50_000, true);
    ledger.importFile(
        "v1.csv",
        accounting("02/04/2031;F-2031-051;Dell France;Postes fixes neufs;3 000,00;NEUF;2183"),
        "gestionnaire");

    // when: a corrected ledger replaces the imported lines of the year
    ledger.importFile(
        "v2.csv",
        accounting("02/04/2031;F-2031-052;Dell France;Postes fixes neufs;2 000,00;NEUF;2183"),
        "gestionnaire");

    // then: the order's line stays, the first import's line is gone
    assertThat(queries.spendLines(YEAR))
        .extracting(SpendLedgerCsv.Line::reference)
        .containsExactly("BC-2031-8", "F-2031-052");
    assertThat(queries.purchaseShare(YEAR).reusedCents()).isEqualTo(50_000);
  }

  @Test
  void shouldWriteOneLinePerOrderEvenIfTheReceptionIsToldTwice() {
    // given / when
    receive("BC-2031-9", 70_000, false);
    receive("BC-2031-9", 70_000, false);

    // then
    assertThat(queries.spendLines(YEAR)).hasSize(1);
    assertThat(queries.purchaseShare(YEAR).totalCents()).isEqualTo(70_000);
  }
}
