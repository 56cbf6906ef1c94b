package fr.secondevie.inventory;

import static fr.secondevie.support.GlpiCsv.desktop;
import static fr.secondevie.support.GlpiCsv.glpi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.inventory.InventoryCommands.ChangeStatus;
import fr.secondevie.inventory.glpi.GlpiImportService;
import fr.secondevie.inventory.glpi.ImportRun;
import fr.secondevie.inventory.glpi.ImportStatus;
import fr.secondevie.support.TestDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Attack: put an asset in a leaving status (wiped, routed, donated, recycled) without going through
 * its lifecycle and its evidence — by registering it so, by importing a GLPI row that says so, or
 * by a command jumping there. Each is refused and nothing is written.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LeavingStatusAttackTests {

  @Autowired InventoryService inventory;
  @Autowired GlpiImportService imports;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void emptyInventory() {
    TestDatabase.clean(jdbc);
  }

  long count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }

  static Asset.Description laptop(String number) {
    return new Asset.Description(
        "SN-" + number,
        "PC-" + number,
        AssetCategory.LAPTOP,
        "Lenovo",
        "ThinkPad T480",
        "Hôpital Charles-Nicolle",
        "Hôpital Charles-Nicolle > Cardiologie",
        "Cardiologie",
        LocalDate.of(2019, 3, 1),
        98_000L);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = AssetStatus.class,
      names = {
        "SANITIZING",
        "MEDIA_DESTRUCTION",
        "SANITIZED",
        "AWAITING_ROUTE",
        "DONATION_PENDING",
        "RECONDITIONING",
        "RECYCLING_PENDING",
        "DONATED",
        "RECYCLED"
      })
  void shouldRefuseToRegisterAnAssetPastItsEntryStatuses(AssetStatus leaving) {
    // given
    String number = "ATK-" + leaving.name();

    // when / then
    assertThatThrownBy(
            () ->
                inventory.register(
                    number, laptop(number), leaving, "gestionnaire", "aucune", "reg-" + number))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("« " + leaving.label() + " »")
        .hasMessageContaining("cycle de vie");
    assertThat(inventory.findByInventoryNumber(number)).isEmpty();
    assertThat(count("asset")).isZero();
    assertThat(count("custody_entry")).isZero();
  }

  @Test
  void shouldStillRegisterInServiceInStockAndDecommissioning() {
    // given / when
    for (AssetStatus entry :
        List.of(AssetStatus.IN_SERVICE, AssetStatus.IN_STOCK, AssetStatus.DECOMMISSIONING)) {
      inventory.register("OK-" + entry, laptop("OK-" + entry), entry, "gestionnaire", null, null);
    }

    // then
    assertThat(count("asset")).isEqualTo(3);
    assertThat(inventory.get("OK-DECOMMISSIONING").status()).isEqualTo(AssetStatus.DECOMMISSIONING);
  }

  @Test
  void shouldRejectTheWholeImportWhenARowClaimsALeavingStatus() throws Exception {
    // given: a GLPI export whose second row says the laptop was already donated
    List<String> donated = new ArrayList<>(desktop("ATK-2", "S2"));
    donated.set(2, "Donné");
    byte[] csv = glpi().row(desktop("ATK-1", "S1")).row(donated).bytes();

    // when
    ImportRun run =
        imports.start("export.csv", csv, "gestionnaire").completion().get(5, TimeUnit.MINUTES);

    // then
    assertThat(run.getStatus()).isEqualTo(ImportStatus.REJECTED);
    assertThat(run.getErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.field()).isEqualTo("Statut");
              assertThat(e.value()).isEqualTo("Donné");
              assertThat(e.message()).contains("cycle de vie");
            });
    assertThat(count("asset")).isZero();
    assertThat(count("custody_entry")).isZero();
  }

  @Test
  void shouldRefuseACommandJumpingToALeavingStatus() {
    // given
    inventory.register(
        "ATK-J", laptop("ATK-J"), AssetStatus.IN_SERVICE, "gestionnaire", null, null);

    // when / then
    for (AssetStatus leaving :
        List.of(AssetStatus.SANITIZED, AssetStatus.DONATED, AssetStatus.RECYCLED)) {
      assertThatThrownBy(
              () ->
                  inventory.changeStatus(
                      new ChangeStatus("ATK-J", leaving, "w", null, null, "jump-" + leaving)))
          .isInstanceOf(IllegalStatusTransitionException.class);
    }
    Asset asset = inventory.get("ATK-J");
    assertThat(asset.status()).isEqualTo(AssetStatus.IN_SERVICE);
    assertThat(inventory.custodyOf(asset.id())).hasSize(1);
  }
}
