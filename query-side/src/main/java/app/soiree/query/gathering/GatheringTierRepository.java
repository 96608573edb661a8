package app.soiree.query.gathering;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface GatheringTierRepository extends JpaRepository<GatheringTier, TierKey> {

    List<GatheringTier> findByKeyGatheringId(UUID gatheringId);
}
