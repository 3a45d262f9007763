package org.beiqin.drill.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.beiqin.testing.Layering;
import org.beiqin.drill.Drill;
import org.beiqin.drill.rest.DrillResource;
import org.beiqin.drill.service.DrillService;

/** The layering of STYLE.md on this module's classes (see {@link Layering}). */
class LayeringTest {

    private static final Layering LAYERS = new Layering("org.beiqin.drill");

    @Test
    void theAnalysisSeesTheResourcesServicesAndEntities() {
        assertThat(LAYERS.imports(DrillResource.class)).isTrue();
        assertThat(LAYERS.imports(DrillService.class)).isTrue();
        assertThat(LAYERS.imports(Drill.class)).isTrue();
    }

    @Test
    void servicesRulesAndConfigDoNotKnowTheRestLayer() {
        assertThat(LAYERS.lowerLayersUsingRest("service", "rules", "config")).isEmpty();
    }

    @Test
    void entitiesDependOnNoLayer() {
        assertThat(LAYERS.entitiesUsingLayers("rest", "service", "rules")).isEmpty();
    }

    @Test
    void noResourceTakesOrReturnsAnEntity() {
        assertThat(LAYERS.resourcesExposingEntities()).isEmpty();
    }
}
