package fr.secondevie.campaigns;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface CampaignRepository extends Repository<Campaign, Long> {

  Campaign save(Campaign campaign);

  Optional<Campaign> findById(long id);

  @Query("SELECT * FROM campaign WHERE id = :id FOR UPDATE")
  Optional<Campaign> lock(long id);

  @Query("SELECT * FROM campaign ORDER BY created_at DESC, id DESC LIMIT 200")
  List<Campaign> findLatest();
}
