package app.soiree.query.gathering;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewRepository extends JpaRepository<Review, ReviewKey> {
}
