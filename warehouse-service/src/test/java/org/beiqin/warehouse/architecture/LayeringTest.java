package org.beiqin.warehouse.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import jakarta.persistence.Entity;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The layering of STYLE.md: rest → service → entity, never backwards, and no JPA entity in a
 * resource's signature (the API speaks in records that convert themselves; their {@code from}
 * factories are where an entity meets the API).
 */
@AnalyzeClasses(packages = "org.beiqin.warehouse", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule servicesAndRulesDoNotKnowTheRestLayer = noClasses()
            .that().resideInAnyPackage("org.beiqin.warehouse.service..", "org.beiqin.warehouse.rules..",
                    "org.beiqin.warehouse.config..")
            .should().dependOnClassesThat().resideInAPackage("org.beiqin.warehouse.rest..");

    @ArchTest
    static final ArchRule entitiesDependOnNoLayer = noClasses()
            .that().areAnnotatedWith(Entity.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.beiqin.warehouse.rest..",
                    "org.beiqin.warehouse.service..", "org.beiqin.warehouse.rules..");

    @ArchTest
    static final ArchRule noEntityInAResourceSignature = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(jakarta.ws.rs.Path.class)
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
            });

    private static boolean isEntity(JavaClass type) {
        return type.isAnnotatedWith(Entity.class);
    }
}
