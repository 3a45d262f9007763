package org.beiqin.gateway.rest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.beiqin.commons.idempotency.NotIdempotent;
import org.beiqin.commons.security.Roles;
import org.beiqin.gateway.service.Commands;
import org.beiqin.gateway.service.KeyMaterial;
import org.beiqin.gateway.service.SignIn;
import org.beiqin.gateway.service.UserService;

@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "登录 Sign-in")
public class AuthResource {

    @Inject
    SignIn signIn;

    @Inject
    UserService users;

    @Inject
    KeyMaterial keys;

    @Inject
    JsonWebToken token;

    @Inject
    Clock clock;

    @POST
    @NotIdempotent("每次登录都须核对密码并签发新令牌，不能重放 "
            + "Every sign-in checks the password and issues fresh tokens; an answer must never be replayed")
    @Path("login")
    @PermitAll
    @Operation(summary = "用户名密码登录 Sign in with a password",
            description = "返回 15 分钟有效的访问令牌（RS256 JWT）和刷新令牌。用户名或密码错误一律答 401；"
                    + "同一用户名连续失败 5 次后锁定 5 分钟（再失败则加倍），锁定期间答 429。")
    public Response login(@Valid @NotNull Commands.Login login) {
        Instant now = clock.instant();
        SignIn.Session session = signIn.login(login.username(), login.password());
        return noStore(Views.SessionView.from(session, now, signIn.locks(List.of(session.user()), now)));
    }

    @POST
    @NotIdempotent("刷新令牌一次有效，重放会交出已轮换的令牌 "
            + "A refresh token is used once; a replayed answer would hand out rotated tokens")
    @Path("refresh")
    @PermitAll
    @Operation(summary = "刷新访问令牌 New tokens for a refresh token",
            description = "每个刷新令牌只能用一次，换回新的一对；旧令牌再次出现时，该次登录全部作废。")
    public Response refresh(@Valid @NotNull Commands.Refresh refresh) {
        Instant now = clock.instant();
        SignIn.Session session = signIn.refresh(refresh.refreshToken());
        return noStore(Views.SessionView.from(session, now, signIn.locks(List.of(session.user()), now)));
    }

    @POST
    @NotIdempotent("退出登录重复执行结果相同 "
            + "Signing out twice is the same as once")
    @Path("logout")
    @PermitAll
    @Operation(summary = "退出登录 Sign out (ends the refresh token's sign-in)")
    public Response logout(@Valid @NotNull Commands.Refresh refresh) {
        signIn.logout(refresh.refreshToken());
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    @RolesAllowed({Roles.KEEPER, Roles.DUTY_OFFICER, Roles.COUNTY_OFFICE, Roles.ADMIN})
    @Operation(summary = "当前登录信息 Who the token says I am")
    public Views.Me me() {
        return new Views.Me(token.getSubject(), token.getClaim("name"), token.getGroups(), token.getClaim("division"),
                Instant.ofEpochSecond(token.getExpirationTime()));
    }

    @POST
    @NotIdempotent("须每次核对原密码；请求含密码，不留存其摘要 "
            + "The current password is checked every time; a body holding passwords is not kept, not even as a digest")
    @Path("password")
    @RolesAllowed({Roles.KEEPER, Roles.DUTY_OFFICER, Roles.COUNTY_OFFICE, Roles.ADMIN})
    @Operation(summary = "修改本人密码 Change my password", description = "修改后其他设备上的登录需重新登录。")
    public Response changePassword(@Valid @NotNull Commands.ChangePassword change) {
        users.changeOwnPassword(change.currentPassword(), change.newPassword());
        return Response.noContent().build();
    }

    @GET
    @Path("jwks")
    @PermitAll
    @Operation(summary = "验证令牌的公钥（JWKS）The public key that verifies tokens, as a JSON Web Key Set")
    public Response jwks() {
        return Response.ok(keys.jwks()).type("application/jwk-set+json").build();
    }

    @GET
    @Path("public-key.pem")
    @PermitAll
    @Produces("application/x-pem-file")
    @Operation(summary = "验证令牌的公钥（PEM）The public key that verifies tokens, as PEM")
    public String publicKey() {
        return keys.publicKeyPem();
    }

    private static Response noStore(Object body) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(body).cacheControl(noStore).header("Pragma", "no-cache").build();
    }
}
