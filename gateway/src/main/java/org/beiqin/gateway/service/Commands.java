package org.beiqin.gateway.service;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.beiqin.commons.idempotency.Unhashed;
import org.beiqin.commons.security.Divisions;

/** What callers send the gateway. */
public final class Commands {

    static final String ROLE = "^(keeper|duty_officer|county_office|admin)$";

    private Commands() {
    }

    @Schema(description = "登录 Sign in")
    public record Login(
            @Schema(example = "qiaolou.keeper") @NotBlank @Size(max = 100) String username,
            @NotBlank @Size(max = 200) String password) {
    }

    @Schema(description = "换取新的访问令牌 Exchange a refresh token")
    public record Refresh(@NotBlank @Size(max = 200) String refreshToken) {
    }

    @Schema(description = "修改本人密码 Change one's own password")
    public record ChangePassword(@NotBlank @Size(max = 200) String currentPassword,
            @NotBlank @Size(max = 200) String newPassword) {
    }

    @Schema(description = "新建用户 Create a user")
    public record NewUser(
            @Schema(example = "qiaolou.keeper") @NotBlank @Pattern(regexp = "^[A-Za-z0-9._-]{3,60}$") String username,
            @Schema(example = "乔楼镇库管员 李桂兰") @NotBlank @Size(max = 100) String displayName,
            @Schema(description = "至少 10 个字符") @NotBlank @Size(max = 200) @Unhashed String password,
            @Schema(example = "[\"keeper\"]") @NotEmpty @Size(max = 4) Set<@NotNull @Pattern(regexp = ROLE) String> roles,
            @Schema(example = "410182102") @NotBlank @Pattern(regexp = Divisions.PATTERN) String division,
            @Pattern(regexp = "^[0-9+\\- ]{5,20}$") String phone) {
    }

    @Schema(description = "修改用户 Change a user; fields left out stay as they are")
    public record UserChange(
            @NotNull Integer version,
            @Size(min = 1, max = 100) String displayName,
            @Size(min = 1, max = 4) Set<@NotNull @Pattern(regexp = ROLE) String> roles,
            @Pattern(regexp = Divisions.PATTERN) String division,
            @Pattern(regexp = "^[0-9+\\- ]{5,20}$") String phone,
            @Schema(description = "停用后不能登录，已发的刷新令牌作废") Boolean active) {
    }

    @Schema(description = "重设密码 Set a user's password")
    public record ResetPassword(@NotBlank @Size(max = 200) String password) {
    }
}
