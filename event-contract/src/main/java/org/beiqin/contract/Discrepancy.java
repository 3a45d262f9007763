package org.beiqin.contract;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code data} of a discrepancy event (schema {@value EventTypes#DISCREPANCY_SCHEMA}).
 * {@code rule} and {@code severity} stay strings so that a consumer keeps an event whose rule it
 * does not know yet; {@code source} names the document the finding comes from when several
 * findings share one (a stocktake's lines), so the tracker keeps them as one item with lines;
 * {@code resolution} is present on resolved events only. New fields must be
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
        Source source,
        Resolution resolution) {

    /** What the finding is about: {@code type} names the kind of record, {@code id} its id. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Subject(String type, String id, String label) {
    }

    /** A sentence in Chinese first, English second. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Text(String zh, String en) {
    }

    /**
     * The source document several findings come from ({@code type} e.g. {@code stocktake}, its
     * {@code id}, and a {@code label} people read: "乔楼镇应急物资仓库 11月盘点").
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(String type, String id, String label) {
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
                division, subject, detectedAt, summary, evidence, null, null);
    }

    /** The same finding, detected at {@code detectedAt} (when its episode began). */
    public Discrepancy detectedSince(Instant detectedAt) {
        return new Discrepancy(key, rule, severity, division, subject, detectedAt, summary, evidence, source, resolution);
    }

    /** This finding as one line of {@code source}. */
    public Discrepancy from(Source source) {
        return new Discrepancy(key, rule, severity, division, subject, detectedAt, summary, evidence, source, resolution);
    }

    /**
     * Whether {@code other} states different facts about the same key: everything but the time
     * of detection and the resolution. Counters that grow with time are not part of a finding's
     * text, so an unchanged situation compares equal.
     */
    public boolean sameFactsAs(Discrepancy other) {
        return other != null && Objects.equals(key, other.key) && Objects.equals(rule, other.rule)
                && Objects.equals(severity, other.severity)
                && Objects.equals(division, other.division)
                && Objects.equals(subject, other.subject) && Objects.equals(summary, other.summary)
                && tree(evidence).equals(tree(other.evidence))
                && Objects.equals(source, other.source);
    }

    /** Evidence as JSON reads it back, so a Long and the Integer it becomes on the wire compare equal. */
    private static JsonNode tree(Map<String, Object> evidence) {
        try {
            return CloudEventCodec.MAPPER.readTree(CloudEventCodec.MAPPER.writeValueAsString(
                    evidence == null ? Map.of() : evidence));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("evidence is not JSON", e);
        }
    }

    public Discrepancy resolvedBy(Resolution resolution) {
        return new Discrepancy(key, rule, severity, division, subject, detectedAt, summary, evidence, source, resolution);
    }
}
