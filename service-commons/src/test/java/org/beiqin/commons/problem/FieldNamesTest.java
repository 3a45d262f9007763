package org.beiqin.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The field a problem names is the one in the caller's body — {@code units[1].contact}, not our
 * method's {@code receive.command.units[1].contact} — whether bean validation or Jackson found it.
 * No server: the paths come from Hibernate Validator and Jackson themselves.
 */
class FieldNamesTest {

    enum Rating { S, M, U }

    record Unit(@NotBlank String name, @NotBlank String contact) {
    }

    record Plan(@Positive int quantity, @NotNull @Valid List<@NotNull @Valid Unit> units) {
    }

    record Rated(Rating rating) {
    }

    record Evaluation(List<Rated> ratings) {
    }

    static class Resource {
        public void receive(String key, @Valid @NotNull Plan command) {
        }

        public void importAll(@NotNull List<@Valid Unit> units) {
        }
    }

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private static List<String> fields(String method, Object... arguments) throws NoSuchMethodException {
        Method target = null;
        for (Method m : Resource.class.getMethods()) {
            if (m.getName().equals(method)) {
                target = m;
            }
        }
        Set<ConstraintViolation<Resource>> violations = VALIDATOR.forExecutables()
                .validateParameters(new Resource(), target, arguments);
        return violations.stream().map(v -> ProblemMappers.fieldName(v.getPropertyPath())).sorted().toList();
    }

    @Test
    void beanValidationNamesTheFieldOfTheBodyWithItsIndexNotTheMethodOrParameter() throws Exception {
        Plan plan = new Plan(0, List.of(new Unit("乡应急办", "李主任"), new Unit("沈洼村委会", " ")));

        assertThat(fields("receive", "k", plan)).containsExactly("quantity", "units[1].contact");
        assertThat(fields("receive", "k", null)).containsExactly("body");
    }

    @Test
    void aBodyThatIsAListIsNamedFromItsIndex() throws Exception {
        assertThat(fields("importAll", List.of(new Unit("甲", "王"), new Unit("", "赵"))))
                .containsExactly("[1].name");
    }

    @Test
    void jacksonNamesTheFieldItCouldNotReadWithItsIndex() {
        JsonMappingException e = catchThrowableOfType(JsonMappingException.class, () -> new ObjectMapper()
                .readValue("{\"ratings\":[{\"rating\":\"S\"},{\"rating\":\"X\"}]}", Evaluation.class));

        assertThat(ProblemMappers.jsonPath(e)).isEqualTo("ratings[1].rating");
    }
}
