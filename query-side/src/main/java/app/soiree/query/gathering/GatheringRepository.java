package app.soiree.query.gathering;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface GatheringRepository extends JpaRepository<Gathering, UUID> {
}
