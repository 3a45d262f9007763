package org.beiqin.commons.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;

/**
 * The operation an {@link Idempotent} method's key is stored under, derived from its annotations.
 * The expected strings are the ones the services wrote by hand before it was declarative: a key a
 * phone stored then must still find its first answer.
 */
class RouteTest {

    record Receipt(String item, int quantity) {
    }

    @Path("/api/warehouse/warehouses")
    static class Warehouses {
        @POST
        public Response create(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull Receipt body) {
            return null;
        }

        @POST
        @Path("{id}/receipts")
        public Response receive(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key, @Valid Receipt body) {
            return null;
        }

        @POST
        @Path("/{id : [0-9a-f-]+}/items/{line}/")
        public Response line(@PathParam("line") int line, @PathParam("id") UUID id, @HeaderParam("idempotency-key") String key) {
            return null;
        }

        @POST
        @Path("{id}/submit")
        public Response submit(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key) {
            return null;
        }

        @POST
        @Path("{id}/with-context")
        public Response withContext(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
                UriInfo uri, Receipt body) {
            return null;
        }

        @POST
        @Path("{id}/twice")
        public Response twoBodies(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key, Receipt a, Receipt b) {
            return null;
        }

        @POST
        @Path("{id}/keyless")
        public Response keyless(@PathParam("id") UUID id, Receipt body) {
            return null;
        }
    }

    @Path("/api/drills")
    static class Drills {
        @POST
        public Response create(@HeaderParam(Idempotency.HEADER) String key, List<Receipt> plan) {
            return null;
        }
    }

    private static Method method(Class<?> type, String name) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void theRouteIsTheTemplateWithItsValuesLessTheServiceRoot() {
        UUID id = UUID.fromString("3f2b8c1e-0d4a-4c1b-9e57-2a6d1f0b9c33");
        Receipt body = new Receipt("手电筒", 3);
        Route receive = Route.of(method(Warehouses.class, "receive"));
        Object[] arguments = {id, "k-1", body};

        assertThat(receive.operation(arguments, "/api/warehouse"))
                .isEqualTo("POST /warehouses/3f2b8c1e-0d4a-4c1b-9e57-2a6d1f0b9c33/receipts");
        assertThat(receive.key(arguments)).isEqualTo("k-1");
        assertThat(receive.body(arguments)).isSameAs(body);
        assertThat(Route.of(method(Warehouses.class, "create")).operation(new Object[] {"k", body}, "/api/warehouse/"))
                .isEqualTo("POST /warehouses");
        assertThat(Route.of(method(Drills.class, "create")).operation(new Object[] {"k", List.of()}, "/api"))
                .isEqualTo("POST /drills");
    }

    @Test
    void variablesWithPatternsAndInAnyOrderTakeTheirOwnValuesAndABodilessPostHashesItsPathValues() {
        UUID id = UUID.randomUUID();
        Route line = Route.of(method(Warehouses.class, "line"));
        Object[] arguments = {7, id, "k"};

        assertThat(line.operation(arguments, "/api/warehouse")).isEqualTo("POST /warehouses/" + id + "/items/7");
        assertThat(line.key(arguments)).isEqualTo("k");
        assertThat(line.body(arguments)).isEqualTo(List.of(7, id));
        // one path value is hashed as itself, as the stocktake submit's hand-written call did
        Route submit = Route.of(method(Warehouses.class, "submit"));
        assertThat(submit.body(new Object[] {id, "k"})).isEqualTo(id);
    }

    @Test
    void aRootThatIsOnlyAPrefixOfASegmentIsNotStripped() {
        Route create = Route.of(method(Drills.class, "create"));

        assertThat(create.operation(new Object[] {"k", List.of()}, "/api/dr")).isEqualTo("POST /api/drills");
        assertThat(create.operation(new Object[] {"k", List.of()}, "")).isEqualTo("POST /api/drills");
    }

    @Test
    void aMethodThatCannotTakeAKeyIsRefusedByName() {
        assertThatThrownBy(() -> Route.of(method(Warehouses.class, "twoBodies"))).hasMessageContaining("twoBodies")
                .hasMessageContaining("two request bodies");
        assertThatThrownBy(() -> Route.of(method(Warehouses.class, "keyless"))).hasMessageContaining("keyless")
                .hasMessageContaining("Idempotency.HEADER");
    }

    record NewUser(String username, @Unhashed String password) {
    }

    @Test
    void anInjectedContextIsNotTakenForTheBody() {
        Receipt body = new Receipt("铁锨", 1);
        assertThat(Route.of(method(Warehouses.class, "withContext")).body(new Object[] {UUID.randomUUID(), "k", null, body}))
                .isSameAs(body);
    }

    @Test
    void aSecretIsLeftOutOfTheHash() {
        assertThat(Idempotency.hash("POST /users", new NewUser("qiaolou.keeper", "Mima-2026-abc")))
                .isEqualTo(Idempotency.hash("POST /users", new NewUser("qiaolou.keeper", "another-password")))
                .isEqualTo(Idempotency.hash("POST /users", Map.of("username", "qiaolou.keeper")))
                .isNotEqualTo(Idempotency.hash("POST /users", new NewUser("shenwa.keeper", "Mima-2026-abc")));
    }

    @Test
    void theHashIgnoresFieldOrderButNotTheOperationOrTheBody() {
        Receipt body = new Receipt("手电筒", 3);
        String hash = Idempotency.hash("POST /warehouses/a/receipts", body);

        assertThat(Idempotency.hash("POST /warehouses/a/receipts", Map.of("quantity", 3, "item", "手电筒")))
                .isEqualTo(hash);
        assertThat(Idempotency.hash("POST /warehouses/b/receipts", body)).isNotEqualTo(hash);
        assertThat(Idempotency.hash("POST /warehouses/a/receipts", new Receipt("手电筒", 4))).isNotEqualTo(hash);
    }
}
