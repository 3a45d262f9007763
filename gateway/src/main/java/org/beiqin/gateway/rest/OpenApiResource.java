package org.beiqin.gateway.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.beiqin.gateway.service.CombinedOpenApi;

/**
 * The whole system's API description, public like each service's {@code /q/openapi}; Swagger UI
 * at {@code /q/swagger-ui} reads it. Every path it lists needs a token.
 */
@Path("/openapi")
@Tag(name = "接口文档 API description")
public class OpenApiResource {

    @Inject
    CombinedOpenApi openApi;

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "全系统 OpenAPI 文档 One OpenAPI document for every service")
    public ObjectNode document(@Context UriInfo uri) {
        return openApi.document(uri.getBaseUri().resolve("q/openapi?format=json"));
    }
}
