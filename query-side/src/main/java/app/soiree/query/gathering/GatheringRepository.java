package app.soiree.query.gathering;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface GatheringRepository extends JpaRepository<Gathering, UUID> {

    /*
     * The cover is no part of the Gathering entity and is written only by statement, so saving a gathering never
     * overwrites it. Pending inserts are flushed first, so a gathering created earlier in the same batch is there.
     */

    @Modifying(flushAutomatically = true)
    @Query(value = "update gatherings set cover_media_id = :mediaId where id = :gatheringId", nativeQuery = true)
    int showCover(UUID gatheringId, UUID mediaId);

    /** Clears the cover only where it is still this medium: a replaced one's deletion leaves its successor alone. */
    @Modifying(flushAutomatically = true)
    @Query(value = "update gatherings set cover_media_id = null where cover_media_id = :mediaId", nativeQuery = true)
    int forgetCover(UUID mediaId);

    @Modifying(flushAutomatically = true)
    @Query(value = "update gatherings set cover_media_id = null where id = :gatheringId and cover_media_id = :mediaId",
            nativeQuery = true)
    int forgetCover(UUID gatheringId, UUID mediaId);
}
