package fr.secondevie.notification;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface NotificationRepository extends ListCrudRepository<Notification, Long> {

  Optional<Notification> findByOperationId(String operationId);

  @Query("SELECT * FROM notification ORDER BY created_at DESC, id DESC LIMIT :limit")
  List<Notification> findLatest(int limit);
}
