package org.beiqin.gateway.rest;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.beiqin.commons.idempotency.Idempotency;
import org.beiqin.commons.idempotency.Idempotent;
import org.beiqin.commons.idempotency.NotIdempotent;
import org.beiqin.commons.problem.QueryParams;
import org.beiqin.commons.security.Roles;
import org.beiqin.gateway.User;
import org.beiqin.gateway.service.Commands;
import org.beiqin.gateway.service.SignIn;
import org.beiqin.gateway.service.UserService;

@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "用户管理 Users")
@RolesAllowed(Roles.ADMIN)
public class UserResource {

    @Inject
    UserService users;

    @Inject
    SignIn signIn;

    @Inject
    Clock clock;

    @GET
    @Operation(summary = "用户列表 Users in your division")
    public List<Views.UserView> list(@QueryParam("division") String division) {
        List<User> found = users.list(QueryParams.division(division));
        Map<String, Instant> locks = signIn.locks(found, clock.instant());
        return found.stream().map(u -> Views.UserView.from(u, locks)).toList();
    }

    @POST
    @Idempotent
    @Operation(summary = "新建用户 Create a user",
            description = "角色：keeper 库管员、duty_officer 值班员、county_office 县应急办、admin 管理员。密码至少 10 个字符。")
    public Response create(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull Commands.NewUser command) {
        User user = users.create(command);
        return Response.created(URI.create("/api/users/" + user.id)).entity(view(user)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "一个用户 One user")
    public Views.UserView get(@PathParam("id") UUID id) {
        return view(users.get(id));
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "修改用户 Change a user", description = "须带 version。改角色、区划或停用后，该用户需重新登录。")
    public Views.UserView change(@PathParam("id") UUID id, @Valid @NotNull Commands.UserChange change) {
        return view(users.change(id, change));
    }

    @POST
    @NotIdempotent("重设为同一密码结果相同；请求含密码，不留存其摘要 "
            + "Setting the same password twice is the same as once; a body holding a password is not kept, not even as a digest")
    @Path("{id}/password")
    @Operation(summary = "重设密码 Set a new password", description = "同时解除锁定，并使该用户已有的登录失效。")
    public Response resetPassword(@PathParam("id") UUID id, @Valid @NotNull Commands.ResetPassword reset) {
        users.resetPassword(id, reset.password());
        return Response.noContent().build();
    }

    @POST
    @NotIdempotent("解除锁定重复执行结果相同 "
            + "Lifting a lockout twice is the same as once")
    @Path("{id}/unlock")
    @Operation(summary = "解除登录锁定 Lift a sign-in lockout")
    public Response unlock(@PathParam("id") UUID id) {
        users.unlock(id);
        return Response.noContent().build();
    }

    private Views.UserView view(User user) {
        return Views.UserView.from(user, signIn.locks(List.of(user), clock.instant()));
    }
}
