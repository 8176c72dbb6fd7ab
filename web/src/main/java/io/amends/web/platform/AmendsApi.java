package io.amends.web.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/**
 * The REST API under {@code /api/v1}. Every resource is closed by default: see {@link io.amends.web.security.AccessRules}.
 */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "Amends API", version = "1",
        description = "Apology cases, compensation against lifetime value, fulfillment. Sign in with POST /api/v1/auth/token; "
                + "systems send X-Api-Key. Errors are application/problem+json (RFC 9457)."))
@SecuritySchemes({
    @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT"),
    @SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, apiKeyName = "X-Api-Key",
            in = org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn.HEADER)
})
public class AmendsApi extends Application {

    /**
     * Jersey otherwise answers error statuses with the servlet container's HTML error page (sendError),
     * which would replace our problem documents.
     */
    @Override
    public java.util.Map<String, Object> getProperties() {
        return java.util.Map.of("jersey.config.server.response.setStatusOverSendError", true);
    }
}
