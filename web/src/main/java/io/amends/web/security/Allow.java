package io.amends.web.security;

import io.amends.users.entity.Role;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call a REST endpoint (on the method, or on the resource class for all its methods).
 *
 * <p>Our own annotation rather than {@code @RolesAllowed}: Payara applies its own handling to {@code @RolesAllowed}
 * on JAX-RS resources, which answers with an HTML page instead of our problem documents. {@link AccessRules} enforces
 * this one; an endpoint with neither {@code @Allow} nor {@link Anyone} is closed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Allow {
    Role[] value();
}
