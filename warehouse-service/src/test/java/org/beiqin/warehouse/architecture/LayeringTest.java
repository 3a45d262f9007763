package org.beiqin.warehouse.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.beiqin.testing.Layering;
import org.beiqin.warehouse.Movement;
import org.beiqin.warehouse.rest.WarehouseResource;
import org.beiqin.warehouse.service.MovementService;

/** The layering of STYLE.md on this module's classes (see {@link Layering}). */
class LayeringTest {

    private static final Layering LAYERS = new Layering("org.beiqin.warehouse");

    @Test
    void theAnalysisSeesTheResourcesServicesAndEntities() {
        assertThat(LAYERS.imports(WarehouseResource.class)).isTrue();
        assertThat(LAYERS.imports(MovementService.class)).isTrue();
        assertThat(LAYERS.imports(Movement.class)).isTrue();
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
