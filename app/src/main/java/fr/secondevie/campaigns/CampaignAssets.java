package fr.secondevie.campaigns;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The assets of campaigns (table {@code campaign_asset}), in campaign order. */
@Component
class CampaignAssets {

  private final JdbcClient jdbc;

  CampaignAssets(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void add(long campaignId, List<Long> assetIds) {
    for (int from = 0; from < assetIds.size(); from += 500) {
      int to = Math.min(assetIds.size(), from + 500);
      List<Object> params = new ArrayList<>();
      StringBuilder sql =
          new StringBuilder("INSERT INTO campaign_asset (campaign_id, position, asset_id) VALUES ");
      for (int i = from; i < to; i++) {
        sql.append(i == from ? "(?, ?, ?)" : ", (?, ?, ?)");
        params.add(campaignId);
        params.add(i);
        params.add(assetIds.get(i));
      }
      jdbc.sql(sql.toString()).params(params).update();
    }
  }

  List<Long> of(long campaignId) {
    return jdbc.sql("SELECT asset_id FROM campaign_asset WHERE campaign_id = ? ORDER BY position")
        .param(campaignId)
        .query(Long.class)
        .list();
  }

  /** The ones among these assets that belong to a campaign not closed yet. */
  List<Long> inOpenCampaigns(Collection<Long> assetIds) {
    List<Long> all = List.copyOf(assetIds);
    List<Long> found = new ArrayList<>();
    for (int from = 0; from < all.size(); from += 1000) {
      found.addAll(
          jdbc.sql(
                  "SELECT ca.asset_id FROM campaign_asset ca JOIN campaign c ON c.id = ca.campaign_id"
                      + " WHERE c.state <> 'CLOSED' AND ca.asset_id IN (:ids)")
              .param("ids", all.subList(from, Math.min(all.size(), from + 1000)))
              .query(Long.class)
              .list());
    }
    return found;
  }
}
