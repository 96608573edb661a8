package app.soiree.server.realtime;

import app.soiree.query.realtime.EventQueueSubscriptions;
import app.soiree.server.security.AccessTokenAuthentication;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.messaging.simp.config.StompBrokerRelayRegistration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import tools.jackson.databind.json.JsonMapper;

/**
 * STOMP on {@code /ws} (plain WebSocket: every client in scope speaks it, so no SockJS fallback).
 * Clients send to {@code /app/...} (the ephemeral inputs) and receive on {@code /user/queue/events}.
 * <p>
 * Ordered first, so that its interceptors (authentication, then authorization) see every client frame
 * before any interceptor another configurer adds. Spring Security's {@code @EnableWebSocketSecurity} is
 * not used: it demands a CSRF token in {@code CONNECT}, which a token-authenticated client has no use for.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("soiree.role.query")
@EnableWebSocketMessageBroker
@EnableConfigurationProperties(RealtimeProperties.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StompConfiguration implements WebSocketMessageBrokerConfigurer {

    static final String ENDPOINT = "/ws";
    /** Where a replica publishes what it cannot deliver itself; the replica that has the user's socket does. */
    static final String UNRESOLVED_USER_DESTINATIONS = "/topic/unresolved-user-destination";
    /** Where replicas tell each other which users are connected to them. */
    static final String USER_REGISTRY = "/topic/simp-user-registry";

    private final RealtimeProperties properties;
    private final JwtDecoder accessTokens;
    private final JsonMapper json;
    private final TaskScheduler scheduler;
    private final MessageChannel clientOutboundChannel;
    private final SocketsExpireWithTheirTokens expiries;
    private final EventQueueSubscriptions subscriptions;

    // The scheduler and the outbound channel are beans of the broker configuration this class configures: lazy, or a cycle.
    StompConfiguration(RealtimeProperties properties, JwtDecoder accessTokens, JsonMapper json,
                       @Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler scheduler,
                       @Lazy @Qualifier("clientOutboundChannel") MessageChannel clientOutboundChannel,
                       SocketsExpireWithTheirTokens expiries, EventQueueSubscriptions subscriptions) {
        this.properties = properties;
        this.accessTokens = accessTokens;
        this.json = json;
        this.scheduler = scheduler;
        this.clientOutboundChannel = clientOutboundChannel;
        this.expiries = expiries;
        this.subscriptions = subscriptions;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint(ENDPOINT).setAllowedOriginPatterns(properties.allowedOrigins().toArray(String[]::new));
        registry.setErrorHandler(new SocketErrors());
        // Not setPreserveReceiveOrder: it hands frames on asynchronously, so a refusal thrown by the interceptors would be
        // logged and dropped instead of answered with an ERROR frame (and, in Spring 7.0.9, a push to a user with two
        // sockets fails). The inputs it would order (typing, read up to seq) do not depend on their order.
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration transport) {
        int maxFrameBytes = Math.toIntExact(properties.maxFrameSize().toBytes());
        transport.setMessageSizeLimit(maxFrameBytes)
                .setSendBufferSizeLimit(Math.toIntExact(properties.sendBufferSize().toBytes()))
                .setSendTimeLimit(Math.toIntExact(properties.sendTimeLimit().toMillis()))
                .setTimeToFirstMessage(Math.toIntExact(properties.connectTimeout().toMillis()))
                .addDecoratorFactory(handler -> new SocketSizeLimits(handler, maxFrameBytes));
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(new SocketAuthentication(AccessTokenAuthentication.provider(accessTokens), expiries), new SocketAuthorization());
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.setApplicationDestinationPrefixes("/app");
        registry.setUserDestinationPrefix("/user");
        // Pushes to one client leave in the order they were made (by default the outbound pool may reorder them).
        registry.setPreservePublishOrder(true);
        if (properties.relay().enabled()) {
            relayThroughTheBroker(registry, properties.relay());
        } else {
            brokerInThisProcess(registry);
        }
    }

    private void brokerInThisProcess(MessageBrokerRegistry registry) {
        long heartbeatMillis = properties.heartbeat().toMillis();
        registry.enableSimpleBroker("/queue")
                .setHeartbeatValue(new long[] {heartbeatMillis, heartbeatMillis})
                .setTaskScheduler(scheduler);
        // Subscriptions recorded before their receipts are sent: a client that has its receipt is reached by the next push.
        registry.configureBrokerChannel().interceptors(subscriptions.recording(), new SubscriptionReceipts(clientOutboundChannel));
    }

    private void relayThroughTheBroker(MessageBrokerRegistry registry, RealtimeProperties.Relay relay) {
        long heartbeatMillis = properties.heartbeat().toMillis();
        StompBrokerRelayRegistration broker = registry.enableStompBrokerRelay("/queue", "/topic")
                .setRelayHost(relay.host())
                .setRelayPort(relay.port())
                // The broker drops a connection whose heart-beats stop: the relay's own one keeps beating.
                .setSystemHeartbeatSendInterval(heartbeatMillis)
                .setSystemHeartbeatReceiveInterval(heartbeatMillis)
                // Clients' frames to /app never reach the broker; with this the relay beats for them.
                .setTaskScheduler(scheduler)
                // Without these two, /user/... reaches only the users connected to the sending replica.
                .setUserDestinationBroadcast(UNRESOLVED_USER_DESTINATIONS)
                .setUserRegistryBroadcast(USER_REGISTRY);
        if (!relay.login().isBlank()) {
            broker.setSystemLogin(relay.login()).setSystemPasscode(relay.passcode())
                    .setClientLogin(relay.login()).setClientPasscode(relay.passcode());
        }
        registry.configureBrokerChannel().interceptors(new BrokerDeliveryHeaders());
    }

    /** Pushes and client inputs are JSON written and read by the application's own mapper, as in the HTTP API. */
    @Override
    public boolean configureMessageConverters(List<MessageConverter> converters) {
        converters.add(new StringMessageConverter());
        converters.add(new ByteArrayMessageConverter());
        converters.add(new JacksonJsonMessageConverter(json));
        return false;
    }
}
