package org.beiqin.commons.idempotency;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.HeaderParam;

/**
 * What an {@link Idempotent} resource method's request is, read from its own annotations once: the
 * verb, the route template, where the key and the path values come from and which parameter is the
 * body. {@link #operation} names a request as the stored records have always named it —
 * {@code POST /warehouses/<id>/receipts}, the route without the service's own root — so a phone that
 * queued an entry before this was declarative still gets its first answer back when it resends.
 */
final class Route {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\s*([^}:\\s]+)\\s*(?::[^}]*)?}");

    private final String verb;
    private final String template;
    private final int keyIndex;
    private final int bodyIndex;
    private final List<String> pathNames;
    private final List<Integer> pathIndexes;

    private Route(String verb, String template, int keyIndex, int bodyIndex, List<String> pathNames,
            List<Integer> pathIndexes) {
        this.verb = verb;
        this.template = template;
        this.keyIndex = keyIndex;
        this.bodyIndex = bodyIndex;
        this.pathNames = pathNames;
        this.pathIndexes = pathIndexes;
    }

    /** Reads the method's annotations; fails, naming the method, when it cannot take a key. */
    static Route of(Method method) {
        String verb = null;
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                verb = http.value();
            }
        }
        if (verb == null) {
            throw new IllegalStateException(method + " is @Idempotent but not a resource method");
        }
        Path classPath = method.getDeclaringClass().getAnnotation(Path.class);
        Path methodPath = method.getAnnotation(Path.class);
        String template = join(classPath == null ? "" : classPath.value(), methodPath == null ? "" : methodPath.value());
        int keyIndex = -1;
        int bodyIndex = -1;
        List<String> pathNames = new ArrayList<>();
        List<Integer> pathIndexes = new ArrayList<>();
        Annotation[][] parameters = method.getParameterAnnotations();
        for (int i = 0; i < parameters.length; i++) {
            boolean bound = false;
            for (Annotation annotation : parameters[i]) {
                if (annotation instanceof HeaderParam header && Idempotency.HEADER.equalsIgnoreCase(header.value())) {
                    keyIndex = i;
                } else if (annotation instanceof PathParam path) {
                    pathNames.add(path.value());
                    pathIndexes.add(i);
                }
                bound |= isRequestBinding(annotation);
            }
            if (!bound && !isContext(method.getParameterTypes()[i])) {
                if (bodyIndex >= 0) {
                    throw new IllegalStateException(method + " has two request bodies");
                }
                bodyIndex = i;
            }
        }
        if (keyIndex < 0) {
            throw new IllegalStateException(method + " is @Idempotent but declares no @HeaderParam(Idempotency.HEADER)");
        }
        return new Route(verb, template, keyIndex, bodyIndex, List.copyOf(pathNames), List.copyOf(pathIndexes));
    }

    /** A type Quarkus REST injects without {@code @Context} (UriInfo, HttpHeaders, the Vert.x request…): never the body. */
    static boolean isContext(Class<?> type) {
        String name = type.getName();
        return name.startsWith("jakarta.ws.rs.") || name.startsWith("io.vertx.") || name.startsWith("org.jboss.resteasy.reactive.");
    }

    /** An annotation that binds a parameter to a part of the request other than its body. */
    static boolean isRequestBinding(Annotation annotation) {
        String name = annotation.annotationType().getName();
        return name.startsWith("jakarta.ws.rs.") || name.startsWith("org.jboss.resteasy.reactive.Rest");
    }

    String key(Object[] arguments) {
        return (String) arguments[keyIndex];
    }

    /**
     * What the request hash is taken over: the body, or for a POST without one its path values (the
     * value itself when there is one, as the hand-written calls passed the stocktake's id on submit).
     */
    Object body(Object[] arguments) {
        if (bodyIndex >= 0) {
            return arguments[bodyIndex];
        }
        if (pathIndexes.size() == 1) {
            return arguments[pathIndexes.get(0)];
        }
        List<Object> values = new ArrayList<>();
        for (int index : pathIndexes) {
            values.add(arguments[index]);
        }
        return values;
    }

    /** {@code POST /warehouses/<id>/receipts}: the verb and the path with its values, less {@code root}. */
    String operation(Object[] arguments, String root) {
        Matcher variable = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            int at = pathNames.indexOf(variable.group(1));
            if (at < 0) {
                throw new IllegalStateException(template + ": no @PathParam(\"" + variable.group(1) + "\")");
            }
            variable.appendReplacement(path, Matcher.quoteReplacement(String.valueOf(arguments[pathIndexes.get(at)])));
        }
        variable.appendTail(path);
        String route = path.toString();
        String normalRoot = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        if (!normalRoot.isEmpty() && (route.equals(normalRoot) || route.startsWith(normalRoot + "/"))) {
            route = route.substring(normalRoot.length());
        }
        return verb + " " + (route.isEmpty() ? "/" : route);
    }

    String template() {
        return template;
    }

    private static String join(String first, String second) {
        StringBuilder path = new StringBuilder();
        for (String part : new String[] {first, second}) {
            String trimmed = part.replaceAll("^/+|/+$", "");
            if (!trimmed.isEmpty()) {
                path.append('/').append(trimmed);
            }
        }
        return path.isEmpty() ? "/" : path.toString();
    }
}
