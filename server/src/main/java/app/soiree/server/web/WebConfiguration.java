package app.soiree.server.web;

import app.soiree.api.identity.Actor;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** OpenAPI description of the HTTP API. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    static {
        // The acting user comes from the access token, not from the request: keep it out of the documented parameters.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    /** Picked up by Spring Boot's JSON mapper for every HTTP request and response. */
    @Bean
    SoireeJsonModule soireeJsonModule() {
        return new SoireeJsonModule();
    }

    @Bean
    OpenAPI soireeOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Soiree API").version("1")
                        .description("Gatherings, bookings, payments, wallets and payouts. Money is {amount, currency} in minor units; "
                                + "errors are application/problem+json with a stable code."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
