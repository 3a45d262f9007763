package org.beiqin.duty.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.beiqin.commons.problem.QueryParams;
import org.beiqin.commons.security.Caller;
import org.beiqin.commons.security.Roles;
import org.beiqin.duty.service.AccountDirectory;

@Path("/api/duty/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "队伍与队员 Teams and members")
@RolesAllowed({Roles.COUNTY_OFFICE, Roles.ADMIN, Roles.KEEPER})
public class AccountResource {

    @Inject
    AccountDirectory accounts;

    @Inject
    Caller caller;

    /** An account a member can be bound to, as the picker shows it. */
    public record AccountView(String username, String displayName, String division) {
    }

    @GET
    @Operation(summary = "可绑定的值班员账号 Duty officer accounts a member can be bound to",
            description = "队员的登录账号须从这里选择：已启用、具有值班员角色、在该区划（含下级）内的账号。"
                    + " q 按姓名或用户名筛选。")
    public List<AccountView> officers(@QueryParam("division") String division, @QueryParam("q") String q,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        QueryParams p = new QueryParams();
        String scope = division == null ? caller.division() : p.division("division", division);
        p.check();
        return accounts.officers(scope, q, Math.max(1, Math.min(limit, 200))).stream()
                .map(a -> new AccountView(a.username(), a.displayName(), a.division())).toList();
    }
}
