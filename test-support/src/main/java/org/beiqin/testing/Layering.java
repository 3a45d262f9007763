package org.beiqin.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaAnnotation;
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
    private static final String POST = "jakarta.ws.rs.POST";
    private static final String PATH_PARAM = "jakarta.ws.rs.PathParam";
    private static final String HEADER_PARAM = "jakarta.ws.rs.HeaderParam";
    private static final String IDEMPOTENT = "org.beiqin.commons.idempotency.Idempotent";
    private static final String NOT_IDEMPOTENT = "org.beiqin.commons.idempotency.NotIdempotent";
    private static final String ENTITY_MANAGER = "jakarta.persistence.EntityManager";
    private static final Set<String> PANACHE_QUERIES = Set.of("findById", "findByIdOptional", "find", "findAll",
            "list", "listAll", "stream", "streamAll", "count", "delete", "deleteAll", "deleteById", "update");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\s*([^}:\\s]+)\\s*(?::[^}]*)?}");

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

    /** Whether the module has classes in {@code layer} (a sub-package of the root). */
    public boolean hasLayer(String layer) {
        return classes.stream().anyMatch(c -> c.getPackageName().equals(root + "." + layer)
                || c.getPackageName().startsWith(root + "." + layer + "."));
    }

    /** How many POST resource methods the analysis saw. */
    public long posts() {
        return classes.stream().flatMap(c -> c.getMethods().stream()).filter(m -> m.isAnnotatedWith(POST)).count();
    }

    /** Classes of {@code layer} (a sub-package of the root) that depend on {@code above}; none when the layer is absent. */
    public List<String> layerUsing(String layer, String above) {
        return noClasses().that().resideInAPackage(root + "." + layer + "..")
                .should().dependOnClassesThat().resideInAPackage(root + "." + above + "..")
                .allowEmptyShould(true).evaluate(classes).getFailureReport().getDetails();
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

    /**
     * Classes of the rest layer that read the database themselves: an {@code EntityManager}, or a
     * Panache query (find, list, count…) on an entity. Resources go through the service layer or
     * a read model, which read what a list needs in one query per kind.
     */
    public List<String> restLayerQuerying() {
        List<String> found = new ArrayList<>();
        for (JavaClass type : classes) {
            if (!type.getPackageName().startsWith(root + ".rest")) {
                continue;
            }
            if (type.getDirectDependenciesFromSelf().stream()
                    .anyMatch(d -> d.getTargetClass().getName().equals(ENTITY_MANAGER))) {
                found.add(type.getName() + " uses an EntityManager");
            }
            type.getMethodCallsFromSelf().stream()
                    .filter(call -> isEntity(call.getTargetOwner()) && PANACHE_QUERIES.contains(call.getName()))
                    .forEach(call -> found.add(call.getOrigin().getFullName() + " calls "
                            + call.getTargetOwner().getSimpleName() + "." + call.getName()));
        }
        return found;
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

    /**
     * POSTs that have not decided about {@code Idempotency-Key} (ARCHITECTURE.md: every POST that
     * creates a record takes one): each must be {@code @Idempotent}, declaring the header parameter
     * and binding every variable of its route, or {@code @NotIdempotent} with its reason.
     */
    public List<String> postsWithoutIdempotencyDecision() {
        List<String> undecided = new ArrayList<>();
        for (JavaClass resource : classes) {
            if (resource.isAnnotatedWith(IDEMPOTENT)) {
                undecided.add(resource.getSimpleName() + " is @Idempotent as a class: put it on each POST");
            }
            for (JavaMethod method : resource.getMethods()) {
                if (!method.isAnnotatedWith(POST)) {
                    continue;
                }
                boolean idempotent = method.isAnnotatedWith(IDEMPOTENT);
                boolean exempt = method.isAnnotatedWith(NOT_IDEMPOTENT);
                String name = resource.getSimpleName() + "." + method.getName();
                if (idempotent == exempt) {
                    undecided.add(name + (idempotent ? " is both @Idempotent and @NotIdempotent"
                            : " is neither @Idempotent nor @NotIdempotent"));
                } else if (exempt && valueOf(method.tryGetAnnotationOfType(NOT_IDEMPOTENT)).isBlank()) {
                    undecided.add(name + " is @NotIdempotent without a reason");
                } else if (idempotent) {
                    if (method.getParameters().stream()
                            .noneMatch(p -> "Idempotency-Key".equalsIgnoreCase(valueOf(p.tryGetAnnotationOfType(HEADER_PARAM))))) {
                        undecided.add(name + " is @Idempotent but takes no @HeaderParam(Idempotency.HEADER)");
                    }
                    List<String> bound = method.getParameters().stream()
                            .map(p -> valueOf(p.tryGetAnnotationOfType(PATH_PARAM))).toList();
                    for (String variable : variables(resource, method)) {
                        if (!bound.contains(variable)) {
                            undecided.add(name + " is @Idempotent but does not bind {" + variable + "} of its route");
                        }
                    }
                }
            }
        }
        return undecided;
    }

    private static List<String> variables(JavaClass resource, JavaMethod method) {
        List<String> names = new ArrayList<>();
        for (String path : new String[] {valueOf(resource.tryGetAnnotationOfType(RESOURCE)),
                valueOf(method.tryGetAnnotationOfType(RESOURCE))}) {
            Matcher variable = VARIABLE.matcher(path);
            while (variable.find()) {
                names.add(variable.group(1));
            }
        }
        return names;
    }

    /** An annotation's {@code value}, or "" when the annotation is absent. */
    private static String valueOf(Optional<? extends JavaAnnotation<?>> annotation) {
        return annotation.flatMap(a -> a.get("value")).map(Object::toString).orElse("");
    }

    private static boolean isEntity(JavaClass type) {
        return type.isAnnotatedWith(ENTITY);
    }
}
