package org.beiqin.commons.problem;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem details document. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<InvalidField> errors, @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:beiqin:problem:";

    /** RFC 9457 extension members, written beside the standard ones. */
    @JsonAnyGetter
    public Map<String, Object> any() {
        return extensions;
    }

    public record InvalidField(String field, String message) {
    }
}
