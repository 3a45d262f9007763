package org.beiqin.contract;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code data} of {@value EventTypes#DRILL_CHANGED} on {@value Topics#DRILLS}: which drill a
 * stock issue may name, and when. {@code drawFrom}..{@code drawUntil} is the window in which
 * supplies may be issued for it (from a few days before it is held to a day after it ended, as the
 * drill service configures); both are absent for a cancelled drill, which draws nothing. Record
 * key: the drill id. {@code changedAt} orders changes: a consumer keeps the newest it has seen.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DrillChanged(String drillId, String division, String title, String status, Instant drawFrom,
        Instant drawUntil, Instant changedAt) {
}
