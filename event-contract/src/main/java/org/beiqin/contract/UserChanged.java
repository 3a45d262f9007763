package org.beiqin.contract;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code data} of {@value EventTypes#USER_CHANGED} on {@value Topics#IDENTITY_USERS}: a sign-in
 * account as the gateway holds it — name, division, roles, whether it may still sign in — so that
 * services can bind their records to real accounts (a duty roster's member to the officer who
 * checks in) instead of trusting a typed user name. No password, no phone. Record key: the user
 * name. {@code changedAt} orders changes: a consumer keeps the newest it has seen.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserChanged(String username, String displayName, String division, List<String> roles, boolean active,
        Instant changedAt) {
}
