package org.beiqin.warehouse.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import org.beiqin.warehouse.Movement;
import org.beiqin.warehouse.rest.WarehouseResource;
import org.beiqin.warehouse.service.MovementService;

/**
 * The layering of STYLE.md: rest → service → entity, never backwards, and no JPA entity in a
 * resource's signature (the API speaks in records that convert themselves; their {@code from}
 * factories are where an entity meets the API). Each rule is checked on the module's own classes,
 * and the import is checked to contain them, so no rule passes on an empty set.
 */
class LayeringTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.beiqin.warehouse");

    @Test
    void theAnalysisSeesTheResourcesServicesAndEntities() {
        assertThat(CLASSES.contain(WarehouseResource.class)).isTrue();
        assertThat(CLASSES.contain(MovementService.class)).isTrue();
        assertThat(CLASSES.contain(Movement.class)).isTrue();
    }

    @Test
    void servicesRulesAndConfigDoNotKnowTheRestLayer() {
        EvaluationResult result = noClasses()
                .that().resideInAnyPackage("org.beiqin.warehouse.service..", "org.beiqin.warehouse.rules..",
                        "org.beiqin.warehouse.config..")
                .should().dependOnClassesThat().resideInAPackage("org.beiqin.warehouse.rest..")
                .evaluate(CLASSES);
        assertThat(result.getFailureReport().getDetails()).isEmpty();
    }

    @Test
    void entitiesDependOnNoLayer() {
        EvaluationResult result = noClasses()
                .that().areAnnotatedWith(Entity.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.beiqin.warehouse.rest..",
                        "org.beiqin.warehouse.service..", "org.beiqin.warehouse.rules..")
                .evaluate(CLASSES);
        assertThat(result.getFailureReport().getDetails()).isEmpty();
    }

    @Test
    void noResourceTakesOrReturnsAnEntity() {
        EvaluationResult result = methods()
                .that().areDeclaredInClassesThat().areAnnotatedWith(Path.class)
                .and().arePublic()
                .should(new ArchCondition<JavaMethod>("neither take nor return a JPA entity") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        boolean leaks = isEntity(method.getRawReturnType())
                                || method.getRawParameterTypes().stream().anyMatch(LayeringTest::isEntity);
                        if (leaks) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName() + " exposes an entity"));
                        }
                    }
                })
                .evaluate(CLASSES);
        assertThat(result.getFailureReport().getDetails()).isEmpty();
    }

    private static boolean isEntity(JavaClass type) {
        return type.isAnnotatedWith(Entity.class);
    }
}
