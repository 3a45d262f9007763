package org.beiqin.contract;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code data} of a discrepancy event (schema {@value EventTypes#DISCREPANCY_SCHEMA}).
 * {@code rule} and {@code severity} stay strings so that a consumer keeps an event whose rule it
 * does not know yet; {@code resolution} is present on resolved events only. New fields must be
 * optional so that older consumers keep working (unknown fields are ignored).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Discrepancy(
        String key,
        String rule,
        String severity,
        String division,
        Subject subject,
        Instant detectedAt,
        Text summary,
        Map<String, Object> evidence,
        Resolution resolution) {

    /** What the finding is about: {@code type} names the kind of record, {@code id} its id. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Subject(String type, String id, String label) {
    }

    /** A sentence in Chinese first, English second. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Text(String zh, String en) {
    }

    /** What ended the episode, and when. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Resolution(Instant resolvedAt, Text reason, Map<String, Object> evidence) {
    }

    /**
     * The stable key: the same problem on the same subject always has the same key
     * ({@code <service>/<division>/<RULE>/<subject type>/<subject id>}).
     */
    public static String key(String service, String division, String rule, String subjectType, String subjectId) {
        return service + "/" + division + "/" + rule + "/" + subjectType + "/" + subjectId;
    }

    /**
     * A finding of {@code service} about one subject, keyed as {@link #key} says: what every
     * producer's rules build, with the severity its configuration gives the rule.
     */
    public static Discrepancy found(String service, Rule rule, String severity, String division, Subject subject,
            Instant detectedAt, Text summary, Map<String, Object> evidence) {
        return new Discrepancy(key(service, division, rule.name(), subject.type(), subject.id()), rule.name(), severity,
                division, subject, detectedAt, summary, evidence, null);
    }

    public Discrepancy resolvedBy(Resolution resolution) {
        return new Discrepancy(key, rule, severity, division, subject, detectedAt, summary, evidence, resolution);
    }
}
