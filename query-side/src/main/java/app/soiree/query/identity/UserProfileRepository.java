package app.soiree.query.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UserProfileRepository extends JpaRepository<UserProfile, UUID> {

    Optional<UserProfile> findFirstByEmail(String email);

    /**
     * Staff accounts by email, after {@code afterEmail}. The role condition is written exactly as the
     * partial index {@code user_profiles_staff} states it, so PostgreSQL reads that small index and
     * never scans every guest's profile. {@code pattern} is a {@code like} pattern (escape character
     * {@code \}) matched against the email and the lower-cased name; {@code %} keeps everyone.
     */
    @Query(value = """
            select * from user_profiles
            where roles ~ '(^|,)(SUPPORT|FINANCE|ADMIN)(,|$)' and email > :afterEmail
              and (email like :pattern or lower(display_name) like :pattern)
            order by email limit :rows""", nativeQuery = true)
    List<UserProfile> staffAfter(String afterEmail, String pattern, int rows);

    /*
     * The avatar is written by statement, never through the entity: a profile saved or changed later in the same
     * transaction cannot put back a value it read before. Pending inserts are flushed first, so a profile registered
     * earlier in the same batch is there to update.
     */

    @Modifying(flushAutomatically = true)
    @Query(value = "update user_profiles set avatar_media_id = :mediaId where user_id = :userId", nativeQuery = true)
    int showAvatar(UUID userId, UUID mediaId);

    /** Clears the avatar only where it is still this medium: a replaced one's deletion leaves its successor alone. */
    @Modifying(flushAutomatically = true)
    @Query(value = "update user_profiles set avatar_media_id = null where avatar_media_id = :mediaId", nativeQuery = true)
    int forgetAvatar(UUID mediaId);

    @Modifying(flushAutomatically = true)
    @Query(value = "update user_profiles set avatar_media_id = null where user_id = :userId and avatar_media_id = :mediaId",
            nativeQuery = true)
    int forgetAvatar(UUID userId, UUID mediaId);

    @Modifying(flushAutomatically = true)
    @Query(value = "update user_profiles set avatar_media_id = null where user_id = :userId", nativeQuery = true)
    int forgetAvatarOf(UUID userId);
}
