package dev.revoketokenbot.sandbox;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Outside sandbox mode, nothing under {@code /sandbox} exists: every request there gets 404. The mode
 * is read at each request: filters are built before the runtime configuration is.
 */
@Provider
@PreMatching
public class SandboxOnly implements ContainerRequestFilter {

    private final jakarta.inject.Provider<SandboxMode> mode;

    SandboxOnly(jakarta.inject.Provider<SandboxMode> mode) {
        this.mode = mode;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!mode.get().sandbox() && (path.equals("/sandbox") || path.startsWith("/sandbox/"))) {
            request.abortWith(Response.status(Response.Status.NOT_FOUND).build());
        }
    }
}
