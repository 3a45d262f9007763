package org.beiqin.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The layering of STYLE.md, checked with ArchUnit on a service's own classes: rest → service →
 * entity, never backwards, and no JPA entity in a resource's signature (the API speaks in records
 * that convert themselves). {@link #imports} lets a test check that the analysis saw the classes it
 * judges, so that no rule passes on an empty set.
 */
public final class Layering {

    private static final String ENTITY = "jakarta.persistence.Entity";
    private static final String RESOURCE = "jakarta.ws.rs.Path";

    private final String root;
    private final JavaClasses classes;

    public Layering(String rootPackage) {
        this.root = rootPackage;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    public boolean imports(Class<?> type) {
        return classes.contain(type);
    }

    /** Classes of the given layers (sub-packages of the root) that depend on the rest layer. */
    public List<String> lowerLayersUsingRest(String... layers) {
        String[] packages = new String[layers.length];
        for (int i = 0; i < layers.length; i++) {
            packages[i] = root + "." + layers[i] + "..";
        }
        return noClasses().that().resideInAnyPackage(packages)
                .should().dependOnClassesThat().resideInAPackage(root + ".rest..")
                .evaluate(classes).getFailureReport().getDetails();
    }

    /** Entities that depend on any layer (sub-packages of the root) above them. */
    public List<String> entitiesUsingLayers(String... layers) {
        List<String> packages = new ArrayList<>();
        for (String layer : layers) {
            packages.add(root + "." + layer + "..");
        }
        return noClasses().that().areAnnotatedWith(ENTITY)
                .should().dependOnClassesThat().resideInAnyPackage(packages.toArray(String[]::new))
                .evaluate(classes).getFailureReport().getDetails();
    }

    /** Resources (classes with a JAX-RS {@code @Path}) outside the module's {@code rest} package. */
    public List<String> resourcesOutsideRest() {
        return classes.stream().filter(c -> c.isAnnotatedWith(RESOURCE))
                .filter(c -> !c.getPackageName().startsWith(root + ".rest")).map(JavaClass::getName).toList();
    }

    /** Public resource methods that take or return a JPA entity. */
    public List<String> resourcesExposingEntities() {
        return methods().that().areDeclaredInClassesThat().areAnnotatedWith(RESOURCE).and().arePublic()
                .should(new ArchCondition<JavaMethod>("neither take nor return a JPA entity") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        if (isEntity(method.getRawReturnType())
                                || method.getRawParameterTypes().stream().anyMatch(Layering::isEntity)) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName() + " exposes an entity"));
                        }
                    }
                })
                .evaluate(classes).getFailureReport().getDetails();
    }

    private static boolean isEntity(JavaClass type) {
        return type.isAnnotatedWith(ENTITY);
    }
}
