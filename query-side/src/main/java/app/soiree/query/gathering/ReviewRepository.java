package app.soiree.query.gathering;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ReviewRepository extends JpaRepository<Review, ReviewKey> {

    @Modifying(flushAutomatically = true)
    @Query(value = "update reviews set text = :erased where guest_id = :guestId", nativeQuery = true)
    int eraseTextsOf(UUID guestId, String erased);
}
