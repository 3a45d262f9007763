package org.beiqin.contract;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code data} of {@value EventTypes#TEAM_CHANGED} on {@value Topics#ROSTER_TEAMS}: a rescue
 * team's division, level and how many active members it has now. Record key: the team id.
 * {@code changedAt} orders changes: a consumer keeps the newest it has seen.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TeamChanged(String teamId, String name, String division, String level, int activeMembers,
        Instant changedAt) {
}
