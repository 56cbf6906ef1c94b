package fr.secondevie.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The Indicateurs page, its CSV exports, the spend ledger import and the declared results. */
@SpringBootTest(properties = "camunda.client.worker.defaults.enabled=false")
@AutoConfigureMockMvc
class IndicatorsPagesTests {

  static final RequestPostProcessor AUDITOR = user("auditrice").roles("AUDITOR");
  static final RequestPostProcessor MANAGER = user("gestionnaire").roles("ASSET_MANAGER");
  static final RequestPostProcessor DIRECTOR = user("directeur").roles("DIRECTOR");
  static final RequestPostProcessor TECHNICIAN = user("technicien").roles("TECHNICIAN");

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired AvoidedEmissionLedger ledger;

  long reconditioned;

  /** 2025: A = 1, B = 3, 33,3 % ({@link AnnualReportFixtures#year2025}). */
  @BeforeEach
  void seed() {
    SeededAssets.clean(jdbc);
    reconditioned = AnnualReportFixtures.year2025(new SeededAssets(jdbc));
    ledger.backfill(2025);
  }

  @Test
  void shouldLetAnAuditorReadTheRateDrillDownToAnAssetAndExportTheCsv() throws Exception {
    // when
    String html =
        mvc.perform(get("/indicators").param("annee", "2025").with(AUDITOR))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    Document page = Jsoup.parse(html);

    // then: the rate and its target
    assertThat(page.select("#kpi-reemploi .kpi").text()).isEqualTo("33,3 %");
    assertThat(page.select("#kpi-reemploi").text())
        .contains("A = 1, B = 3", "Cible 50 %", "non atteinte");
    // the trend table carries what the chart shows
    assertThat(page.select("svg#chart-reemploi, svg[aria-labelledby^=chart-reemploi]")).hasSize(1);
    assertThat(page.select("table#taux-reemploi tr:contains(2025) td").eachText())
        .containsExactly("2025", "1", "3", "33,3", "50", "oui");
    // the donation without commitment is excluded, with its reason
    assertThat(page.select("table#reemploi-exclus tbody tr").text())
        .contains("IND-C", "sans engagement préalable de réemploi");
    assertThat(page.select("#warnings").text()).contains("IND-C");
    // the avoided emissions of the reconditioned desktop, with the factor version
    assertThat(page.select("table#emissions-evitees tbody tr").text())
        .contains("IND-A", "2023-ademe-arcep", "204,4");

    // when: drill down from A to the asset
    String link = page.select("table#reemploi-a tbody a").attr("href");
    assertThat(page.select("table#reemploi-a tbody a").text()).isEqualTo("IND-A");
    assertThat(link).isEqualTo("/assets/" + reconditioned);
    mvc.perform(get(link).with(AUDITOR))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("IND-A")));

    // when: export B
    String exportLink = page.select("a[href='/indicators/2025/reemploi-b.csv']").attr("href");
    assertThat(exportLink).isNotEmpty();
    String csv =
        mvc.perform(get(exportLink).with(AUDITOR))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
            .andExpect(
                header().string("Content-Disposition", containsString("reemploi-b-2025.csv")))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    // then
    assertThat(csv.split("\r\n"))
        .containsExactlyInAnyOrder(
            "numero_inventaire,categorie,statut_au_1er_janvier",
            "IND-A,Poste fixe,« Effacé » au 1er janvier 2025",
            "IND-B,Ordinateur portable,« Recyclage en cours » au 1er janvier 2025",
            "IND-C,Écran,« Effacé » au 1er janvier 2025");
    String trend =
        mvc.perform(get("/indicators/2025/taux-reemploi.csv").with(AUDITOR))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(trend)
        .contains("annee,a,b,taux_pct,cible_pct,calculable\r\n", "2025,1,3,33.3,50,oui\r\n");
  }

  @Test
  void shouldShowNonCalculableForAYearWithNothingInStock() throws Exception {
    mvc.perform(get("/indicators").param("annee", "2024").with(DIRECTOR))
        .andExpect(status().isOk())
        .andExpect(xpath("//*[@id='kpi-reemploi']/p[@class='kpi']").string("non calculable"));
  }

  @Test
  void shouldRefuseTheIndicatorsToATechnicianAndUnknownTables() throws Exception {
    mvc.perform(get("/indicators").with(TECHNICIAN)).andExpect(status().isForbidden());
    mvc.perform(get("/indicators/2025/reemploi-b.csv").with(TECHNICIAN))
        .andExpect(status().isForbidden());
    mvc.perform(get("/indicators/2025/nope.csv").with(AUDITOR)).andExpect(status().isNotFound());
    mvc.perform(get("/indicators").param("annee", "abc").with(AUDITOR))
        .andExpect(status().isOk())
        .andExpect(xpath("//*[@role='alert']").string(containsString("« abc »")));
  }

  @Test
  void shouldNameTheFileRatherThanALineWhenTheWholeLedgerIsRefused() throws Exception {
    // given: a header and no spend line
    byte[] headerOnly =
        "date;piece;fournisseur;libelle;montant_ht;nature\n".getBytes(StandardCharsets.UTF_8);

    // when
    mvc.perform(
            multipart("/indicators/spend-ledger")
                .file(new MockMultipartFile("file", "depenses.csv", "text/csv", headerOnly))
                .with(MANAGER)
                .with(csrf()))
        // then
        .andExpect(status().isOk())
        .andExpect(
            xpath("//*[@id='ledger-errors']//li")
                .string("Fichier : Le fichier ne contient aucune ligne de dépense."));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM spend_ledger_line", Integer.class))
        .isZero();
  }

  @Test
  void shouldImportTheSpendLedgerAllOrNothing() throws Exception {
    // given
    String bad =
        "date;piece;fournisseur;libelle;montant_ht;nature\n"
            + "15/03/2025;F-1;Dell;Postes;8000,00;NEUF\n"
            + "15/03/2025;F-2;Ateliers du Bocage;Portables;abc;RECONDITIONNE\n";
    String good =
        "date;piece;fournisseur;libelle;montant_ht;nature\n"
            + "15/03/2025;F-1;Dell;Postes;8000,00;NEUF\n"
            + "16/03/2025;F-2;Ateliers du Bocage;Portables;2000,00;RECONDITIONNE\n";

    // when: a file with one bad row
    mvc.perform(
            multipart("/indicators/spend-ledger")
                .file(
                    new MockMultipartFile(
                        "file", "depenses.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                .with(MANAGER)
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(
            xpath("//*[@id='ledger-errors']//li")
                .string(containsString("Ligne 3, colonne montant_ht")));

    // then: nothing written
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM spend_ledger_line", Integer.class))
        .isZero();

    // when: the corrected file
    mvc.perform(
            multipart("/indicators/spend-ledger")
                .file(
                    new MockMultipartFile(
                        "file", "depenses.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8)))
                .with(MANAGER)
                .with(csrf()))
        .andExpect(redirectedUrlPattern("/indicators?annee=2025*"));

    // then: 2 000 / 10 000 = 20 %
    mvc.perform(get("/indicators").param("annee", "2025").with(AUDITOR))
        .andExpect(xpath("//*[@id='kpi-achats']/p[@class='kpi']").string("20,0 %"))
        .andExpect(xpath("//table[@id='depenses']/tbody/tr").nodeCount(2));
    // an auditor may not import
    mvc.perform(
            multipart("/indicators/spend-ledger")
                .file(
                    new MockMultipartFile(
                        "file", "d.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8)))
                .with(AUDITOR)
                .with(csrf()))
        .andExpect(status().isForbidden());
  }

  @Test
  void shouldShowTheFirstRowsOfALongTableAndTheOthersPageByPageWithPlainLinks() throws Exception {
    // given: 120 spend lines of 2025, numbered by their amount (1 € to 120 €)
    StringBuilder csv = new StringBuilder("date;piece;fournisseur;libelle;montant_ht;nature\n");
    for (int i = 1; i <= 120; i++) {
      csv.append("15/03/2025;F-").append(i).append(";Dell;Postes;").append(i).append(",00;NEUF\n");
    }
    mvc.perform(
            multipart("/indicators/spend-ledger")
                .file(
                    new MockMultipartFile(
                        "file",
                        "depenses.csv",
                        "text/csv",
                        csv.toString().getBytes(StandardCharsets.UTF_8)))
                .with(MANAGER)
                .with(csrf()))
        .andExpect(redirectedUrlPattern("/indicators?annee=2025*"));

    // when: the page of 2025
    Document page = html(get("/indicators").param("annee", "2025"));

    // then: the first 50 lines, how many there are, a link to the next ones and the whole CSV
    assertThat(page.select("table#depenses tbody tr")).hasSize(50);
    assertThat(page.select("table#depenses tbody tr").first().select("td").get(1).text())
        .isEqualTo("F-1");
    assertThat(page.select("#depenses-rows").text()).isEqualTo("Lignes 1 à 50 sur 120.");
    String next = page.select("a[href^='/indicators/2025/tables/depenses']").attr("href");
    assertThat(next).isEqualTo("/indicators/2025/tables/depenses?page=2");
    assertThat(page.select("a[href='/indicators/2025/depenses.csv']").text())
        .contains("toutes les lignes");
    // a table of a few rows says nothing more
    assertThat(page.select("#reemploi-b-rows")).isEmpty();

    // when: the next page, then the last
    Document second = html(get(next));
    Document last =
        html(get(second.select("nav[aria-label='Pages du tableau'] a[rel=next]").attr("href")));

    // then
    assertThat(second.select("table#depenses tbody tr")).hasSize(50);
    assertThat(second.select("table#depenses tbody tr").first().select("td").get(1).text())
        .isEqualTo("F-51");
    assertThat(second.select("#table-rows").text())
        .isEqualTo("Lignes 51 à 100 sur 120. Page 2 sur 3.");
    assertThat(second.select("nav a[rel=prev]").attr("href"))
        .isEqualTo("/indicators/2025/tables/depenses?page=1");
    assertThat(last.select("table#depenses tbody tr")).hasSize(20);
    assertThat(last.select("table#depenses tbody tr").last().select("td").get(1).text())
        .isEqualTo("F-120");
    assertThat(last.select("nav a[rel=next]")).isEmpty();
    assertThat(last.select("a[href='/indicators?annee=2025#depenses']")).hasSize(1);
    // the CSV holds every line
    String all =
        mvc.perform(get("/indicators/2025/depenses.csv").with(AUDITOR))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(all.split("\r\n")).hasSize(121);

    // when: a page that does not exist, an unknown table
    Document beyond = html(get("/indicators/2025/tables/depenses").param("page", "9"));

    // then: said, and the first page shown
    assertThat(beyond.select("[role=alert]").text())
        .isEqualTo("Page « 9 » inconnue : ce tableau compte 3 page(s) ; voici la première.");
    assertThat(beyond.select("table#depenses tbody tr").first().select("td").get(1).text())
        .isEqualTo("F-1");
    mvc.perform(get("/indicators/2025/tables/nope").with(AUDITOR)).andExpect(status().isNotFound());
    mvc.perform(get("/indicators/2025/tables/depenses").with(TECHNICIAN))
        .andExpect(status().isForbidden());
  }

  private Document html(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
      throws Exception {
    return Jsoup.parse(
        mvc.perform(request.with(AUDITOR))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8));
  }

  @Test
  void shouldShowDeclaredResultsApartWithTheirAuthor() throws Exception {
    // when: incomplete, then complete
    mvc.perform(
            post("/indicators/declared")
                .param("firstYear", "2024")
                .param("lastYear", "2023")
                .param("indicator", "Postes donnés")
                .with(MANAGER)
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(xpath("//input[@id='lastYear']/@aria-invalid").string("true"))
        .andExpect(xpath("//input[@id='evidence']/@aria-invalid").string("true"));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM declared_result", Integer.class)).isZero();
    mvc.perform(
            post("/indicators/declared")
                .param("firstYear", "2023")
                .param("lastYear", "2024")
                .param("indicator", "Postes de travail donnés")
                .param("figure", "450 postes donnés")
                .param("evidence", "Rapport SPASER 2024, annexe 3")
                .with(MANAGER)
                .with(csrf()))
        .andExpect(redirectedUrlPattern("/indicators*"));

    // then
    mvc.perform(get("/indicators").with(AUDITOR))
        .andExpect(
            xpath("//section[@id='declares']//table[@id='resultats-declares']/tbody/tr/td[1]")
                .string("2023–2024"))
        .andExpect(xpath("//table[@id='resultats-declares']/tbody/tr/td[5]").string("gestionnaire"))
        .andExpect(xpath("//form[@action='/indicators/declared']").doesNotExist());
  }

  @Test
  void shouldShowTheHeadlineFiguresOnTheHomePageOfTheDirectorOnly() throws Exception {
    mvc.perform(get("/").with(DIRECTOR))
        .andExpect(status().isOk())
        .andExpect(xpath("//section[@id='headline']").exists())
        // the three headline figures and "all indicators", each linking to the page, and the menu
        .andExpect(xpath("//section[@id='headline']//li/a[@href='/indicators']").nodeCount(3))
        .andExpect(xpath("//section[@id='headline']//a[@href='/indicators']").nodeCount(4))
        .andExpect(xpath("//nav//a[@href='/indicators']").nodeCount(1));
    mvc.perform(get("/").with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(xpath("//section[@id='headline']").doesNotExist())
        .andExpect(xpath("//a[@href='/indicators']").doesNotExist());
  }
}
