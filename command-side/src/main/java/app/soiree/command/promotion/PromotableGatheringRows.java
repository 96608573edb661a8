package app.soiree.command.promotion;

import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringStatus;
import app.soiree.api.identity.UserId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
class PromotableGatheringRows implements PromotableGatherings {

    private final JdbcTemplate jdbc;

    PromotableGatheringRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PromotableGathering> find(GatheringId gatheringId) {
        return jdbc.query("select host_id, status, starts_at from promotion_gatherings where gathering_id = ?",
                (rs, row) -> new PromotableGathering(gatheringId, new UserId(rs.getObject("host_id", UUID.class)),
                        GatheringStatus.valueOf(rs.getString("status")), rs.getTimestamp("starts_at").toInstant()),
                gatheringId.value()).stream().findFirst();
    }
}
