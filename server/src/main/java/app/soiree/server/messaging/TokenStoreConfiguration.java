package app.soiree.server.messaging;

import app.soiree.api.RandomUuids;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's token store, through JDBC on the table its JPA store used ({@code token_entry}), claiming segments under this
 * process's own {@link SoireeNode} id.
 * <p>
 * JDBC: every batch of every tracking processor ends by storing its token, in the batch's own transaction (the
 * connection is that transaction's). Axon's JPA store did it as an entity read with a row lock, updated and flushed
 * through Hibernate (a seventh of a busy processor's CPU when it takes one event at a time); the JDBC store sends one
 * {@code UPDATE … WHERE owner = ?}. Claims, splits and releases are Axon's own code either way.
 * <p>
 * The owner: Axon's default is the JVM's name ({@code pid@host}): two application contexts in one JVM (the
 * multi-process tests) would take each other's claims for their own and process the same segment twice; a distinct
 * id per process also tells the {@link SegmentBalancer} who holds what.
 */
@Configuration(proxyBeanMethods = false)
public class TokenStoreConfiguration {

    public static final TokenSchema SCHEMA = TokenSchema.builder()
            .setTokenTable("token_entry")
            .setProcessorNameColumn("processor_name")
            .setSegmentColumn("segment")
            .setTokenColumn("token")
            .setTokenTypeColumn("token_type")
            .setTimestampColumn("timestamp")
            .setOwnerColumn("owner")
            .build();

    @Bean
    SoireeNode soireeNode(@Value("${soiree.node-id:}") String configured) {
        return new SoireeNode(configured.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName() + "/" + RandomUuids.next().toString().substring(0, 8)
                : configured);
    }

    @Bean
    TokenStore tokenStore(DataSource dataSource, Serializer serializer, SoireeNode node,
                          @Value("${axon.eventhandling.tokenstore.claim-timeout:PT10S}") Duration claimTimeout) {
        return JdbcTokenStore.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .serializer(serializer)
                .schema(SCHEMA)
                .contentType(byte[].class)
                .claimTimeout(claimTimeout)
                .nodeId(node.id())
                .build();
    }

    /** This process, as it claims segments and announces the processors it runs. */
    public record SoireeNode(String id) {
    }
}
