package app.soiree.server.messaging;

import app.soiree.api.RandomUuids;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's JPA token store, as its auto-configuration builds it, but claiming segments under this process's own
 * {@link SoireeNode} id. Axon's default owner is the JVM's name ({@code pid@host}): two application contexts in
 * one JVM (the multi-process tests) would take each other's claims for their own and process the same segment
 * twice; a distinct id per process also tells the {@link SegmentBalancer} who holds what.
 */
@Configuration(proxyBeanMethods = false)
public class TokenStoreConfiguration {

    @Bean
    SoireeNode soireeNode(@Value("${soiree.node-id:}") String configured) {
        return new SoireeNode(configured.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName() + "/" + RandomUuids.next().toString().substring(0, 8)
                : configured);
    }

    @Bean
    TokenStore tokenStore(EntityManagerProvider entityManagerProvider, Serializer serializer, SoireeNode node,
                          @Value("${axon.eventhandling.tokenstore.claim-timeout:PT10S}") Duration claimTimeout) {
        return JpaTokenStore.builder()
                .entityManagerProvider(entityManagerProvider)
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                .nodeId(node.id())
                .build();
    }

    /** This process, as it claims segments and announces the processors it runs. */
    public record SoireeNode(String id) {
    }
}
