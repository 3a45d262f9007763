package org.beiqin.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The layering checks every service runs on its own classes (see {@link Layering}); a module's
 * {@code LayeringTest} names its package, its layers and a class of each kind it expects to see.
 */
public abstract class LayeringContract {

    /** The module's classes. */
    protected abstract Layering layering();

    /** A resource, a service and an entity of the module: the analysis must see them. */
    protected abstract List<Class<?>> samples();

    /** Sub-packages below the rest layer (service, rules, config…). */
    protected abstract String[] lowerLayers();

    @Test
    void theAnalysisSeesTheResourcesServicesAndEntities() {
        for (Class<?> sample : samples()) {
            assertTrue(layering().imports(sample), sample.getName() + " is not in the analysis");
        }
    }

    @Test
    void lowerLayersDoNotKnowTheRestLayer() {
        assertEquals(List.of(), layering().lowerLayersUsingRest(lowerLayers()));
    }

    /**
     * Pairs of layers, {lower, upper}, where the lower never uses the upper. By default the rules
     * never call the services (the services call the rules after each write; what both read sits
     * below both); a module adds its own.
     */
    protected String[][] neverUses() {
        return new String[][] {{"rules", "service"}};
    }

    @Test
    void noLayerUsesOneThatCallsIt() {
        List<String> layers = List.of(lowerLayers());
        for (String[] pair : neverUses()) {
            for (String layer : pair) {
                // a layer the module names must be there: a misspelt or renamed one would pass unseen
                assertTrue(!layers.contains(layer) || layering().hasLayer(layer), "no classes in layer " + layer);
            }
            assertEquals(List.of(), layering().layerUsing(pair[0], pair[1]), pair[0] + " uses " + pair[1]);
        }
    }

    @Test
    void entitiesDependOnNoLayer() {
        String[] all = new String[lowerLayers().length + 1];
        all[0] = "rest";
        System.arraycopy(lowerLayers(), 0, all, 1, lowerLayers().length);
        assertEquals(List.of(), layering().entitiesUsingLayers(all));
    }

    @Test
    void everyPostTakesAnIdempotencyKeyOrSaysWhyNot() {
        assertTrue(layering().posts() > 0, "the analysis saw no POST");
        assertEquals(List.of(), layering().postsWithoutIdempotencyDecision());
    }

    @Test
    void resourcesLeaveTheDatabaseToTheLayersBelow() {
        assertEquals(List.of(), layering().restLayerQuerying());
    }

    @Test
    void noResourceTakesOrReturnsAnEntity() {
        assertEquals(List.of(), layering().resourcesExposingEntities());
    }
}
