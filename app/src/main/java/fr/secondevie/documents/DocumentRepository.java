package fr.secondevie.documents;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface DocumentRepository extends ListCrudRepository<StoredDocument, Long> {

  Optional<StoredDocument> findByPublicId(String publicId);

  List<StoredDocument> findByOwnerRefOrderByCreatedAt(String ownerRef);
}
