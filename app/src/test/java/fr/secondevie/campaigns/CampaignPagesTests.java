package fr.secondevie.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import fr.secondevie.campaigns.CampaignService.CreateCampaign;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.support.Places;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The campaign page lists its assets, the inventory filters by campaign, and the creation form
 * keeps its name and selection across searches (issue 14, point 2).
 */
@SpringBootTest
@AutoConfigureMockMvc
class CampaignPagesTests {

  static final RequestPostProcessor MANAGER = user("gestionnaire").roles("ASSET_MANAGER");
  static final RequestPostProcessor TECHNICIAN = user("technicien").roles("TECHNICIAN");

  @Autowired MockMvc mvc;
  @Autowired InventoryService inventory;
  @Autowired CampaignService campaigns;

  @Test
  void shouldListTheCampaignsAssetsWithTheirStepAndPlaceFilteredAndLinked() throws Exception {
    // given: a campaign of three assets, and an asset outside it on the same site
    String site = Places.site("Hôpital Charles-Nicolle");
    Asset cardio = Places.desktopAt(inventory, site, "Bâtiment B", "Cardiologie");
    Asset emergency = Places.desktopAt(inventory, site, "Bâtiment A", "Urgences");
    Asset radiology = Places.desktopAt(inventory, site, null, "Radiologie");
    Asset outside = Places.desktopAt(inventory, site, "Bâtiment C", "Pharmacie");
    Campaign campaign =
        campaigns.create(
            new CreateCampaign(
                "Tournée Charles-Nicolle",
                List.of(cardio.id(), emergency.id(), radiology.id()),
                null,
                null,
                "gestionnaire"));
    String row = "//table[@id='campaign-assets']/tbody/tr[@data-asset='%d']";

    // when / then: every asset of the campaign, its step in French and where it is
    mvc.perform(get("/campaigns/" + campaign.id()).with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(xpath("//p[@id='asset-count']").string("3 équipement(s) sur 3"))
        .andExpect(xpath("count(//table[@id='campaign-assets']/tbody/tr)").number(3.0))
        .andExpect(
            xpath(row.formatted(cardio.id()) + "/th/a/@href").string("/assets/" + cardio.id()))
        .andExpect(xpath(row.formatted(cardio.id()) + "/th/a").string(cardio.inventoryNumber()))
        .andExpect(xpath(row.formatted(cardio.id()) + "/td[@class='step']").string("En service"))
        .andExpect(xpath(row.formatted(cardio.id()) + "/td[@class='route']").string("—"))
        .andExpect(xpath(row.formatted(cardio.id()) + "/td[@class='site']").string(site))
        .andExpect(xpath(row.formatted(cardio.id()) + "/td[@class='place']").string("Bâtiment B"))
        .andExpect(
            xpath(row.formatted(cardio.id()) + "/td[@class='service']").string("Cardiologie"))
        .andExpect(xpath(row.formatted(radiology.id()) + "/td[@class='place']").string("—"))
        .andExpect(xpath(row.formatted(outside.id())).doesNotExist())
        .andExpect(
            xpath("//a[.=\"Voir dans l'inventaire\"]/@href")
                .string("/assets?campaign=" + campaign.id()))
        .andExpect(
            xpath("//a[.='Tâches de la campagne']/@href")
                .string("/tasks?campaign=" + campaign.id()));

    // a search keeps one asset
    mvc.perform(
            get("/campaigns/" + campaign.id())
                .param("q", emergency.inventoryNumber())
                .with(TECHNICIAN))
        .andExpect(xpath("count(//table[@id='campaign-assets']/tbody/tr)").number(1.0))
        .andExpect(xpath(row.formatted(emergency.id())).exists());
    // a step none is at, and a route none has, keep none
    mvc.perform(get("/campaigns/" + campaign.id()).param("step", "SANITIZING").with(TECHNICIAN))
        .andExpect(xpath("//p[@id='asset-count']").string("0 équipement(s) sur 3"))
        .andExpect(xpath("//table[@id='campaign-assets']").doesNotExist());
    mvc.perform(get("/campaigns/" + campaign.id()).param("route", "DONATION").with(TECHNICIAN))
        .andExpect(xpath("//p[@id='asset-count']").string("0 équipement(s) sur 3"));

    // the inventory filtered by the campaign
    mvc.perform(get("/assets").param("campaign", campaign.id().toString()).with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(xpath("count(//table/tbody/tr)").number(3.0))
        .andExpect(xpath("//a[@href='/assets/" + outside.id() + "']").doesNotExist())
        .andExpect(
            xpath("//p[@id='campaign-filter']/a[1]/@href").string("/campaigns/" + campaign.id()));
  }

  @Test
  void shouldKeepTheNameAndTheTicksAcrossASearchThenCreateTheCampaignWithThem() throws Exception {
    // given: two assets of a site; the first one ticked, a name typed
    String site = Places.site("Hôpital Saint-Julien");
    Asset first = Places.desktopAt(inventory, site, "Bâtiment 1", "Pédiatrie");
    Asset second = Places.desktopAt(inventory, site, "Bâtiment 2", "Pédiatrie");

    // when: the manager searches for the second one
    mvc.perform(
            post("/campaigns/new")
                .with(MANAGER)
                .with(csrf())
                .param("name", "Tournée Saint-Julien")
                .param("assetIds", first.id().toString())
                .param("shownIds", first.id().toString(), second.id().toString())
                .param("site", site)
                .param("q", second.inventoryNumber())
                .param("page", "0"))
        // then: the name stays, the first asset stays ticked (off the list), the second is shown
        .andExpect(status().isOk())
        .andExpect(xpath("//input[@id='name']/@value").string("Tournée Saint-Julien"))
        .andExpect(
            xpath("//input[@type='hidden' and @name='assetIds']/@value")
                .string(first.id().toString()))
        .andExpect(xpath("//input[@id='asset-" + second.id() + "']").exists())
        .andExpect(xpath("//input[@id='asset-" + second.id() + "']/@checked").doesNotExist())
        .andExpect(xpath("//span[@id='chosen-count']").string("1"));

    // when: it is ticked too and the campaign created
    mvc.perform(
            post("/campaigns")
                .with(MANAGER)
                .with(csrf())
                .param("name", "Tournée Saint-Julien")
                .param("mode", "selection")
                .param("assetIds", first.id().toString(), second.id().toString()))
        .andExpect(redirectedUrlPattern("/campaigns/*"))
        .andExpect(flash().attribute("message", containsString("2 équipement(s)")));
    assertThat(campaigns.latest().get(0).name()).isEqualTo("Tournée Saint-Julien");
    assertThat(campaigns.assetsOf(campaigns.latest().get(0).id()))
        .containsExactlyInAnyOrder(first.id(), second.id());
  }

  @Test
  void shouldTickEveryAssetMatchingTheFilterThenThePageThenNone() throws Exception {
    // given: three assets of a site, one of another
    String site = Places.site("Hôpital de Bois-Guillaume");
    Asset a = Places.desktopAt(inventory, site, "Pavillon Colonne", "Gériatrie");
    Asset b = Places.desktopAt(inventory, site, "Pavillon Colonne", "Gériatrie");
    Asset c = Places.desktopAt(inventory, site, "Pavillon Derocque", "Gériatrie");
    Asset elsewhere =
        Places.desktopAt(inventory, Places.site("Hôpital Saint-Julien"), null, "Pédiatrie");

    // when / then: "all matching" ticks the three of the site, and only them
    mvc.perform(
            post("/campaigns/new")
                .with(MANAGER)
                .with(csrf())
                .param("name", "Bois-Guillaume")
                .param("site", site)
                .param("select", "matching"))
        .andExpect(status().isOk())
        .andExpect(xpath("//span[@id='chosen-count']").string("3"))
        .andExpect(xpath("//input[@id='asset-" + a.id() + "']/@checked").exists())
        .andExpect(xpath("//input[@id='asset-" + b.id() + "']/@checked").exists())
        .andExpect(xpath("//input[@id='asset-" + c.id() + "']/@checked").exists())
        .andExpect(
            xpath("//input[@name='assetIds' and @value='" + elsewhere.id() + "']").doesNotExist())
        .andExpect(xpath("//input[@id='name']/@value").string("Bois-Guillaume"));
    // "the page" adds what the page shows to what was ticked elsewhere
    mvc.perform(
            post("/campaigns/new")
                .with(MANAGER)
                .with(csrf())
                .param("assetIds", elsewhere.id().toString())
                .param("shownIds", a.id().toString(), b.id().toString(), c.id().toString())
                .param("site", site)
                .param("select", "page"))
        .andExpect(xpath("//span[@id='chosen-count']").string("4"));
    // "none" clears
    mvc.perform(
            post("/campaigns/new")
                .with(MANAGER)
                .with(csrf())
                .param("assetIds", a.id().toString(), elsewhere.id().toString())
                .param("site", site)
                .param("select", "none"))
        .andExpect(xpath("//span[@id='chosen-count']").string("0"));
    // a technician may not compose campaigns
    mvc.perform(post("/campaigns/new").with(TECHNICIAN).with(csrf()))
        .andExpect(status().isForbidden());
  }
}
