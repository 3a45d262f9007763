package org.beiqin.rectification.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.beiqin.testing.Layering;
import org.beiqin.rectification.RectificationItem;
import org.beiqin.rectification.rest.ItemResource;
import org.beiqin.rectification.service.Ledger;

/** The layering of STYLE.md on this module's classes (see {@link Layering}). */
class LayeringTest {

    private static final Layering LAYERS = new Layering("org.beiqin.rectification");

    @Test
    void theAnalysisSeesTheResourcesServicesAndEntities() {
        assertThat(LAYERS.imports(ItemResource.class)).isTrue();
        assertThat(LAYERS.imports(Ledger.class)).isTrue();
        assertThat(LAYERS.imports(RectificationItem.class)).isTrue();
    }

    @Test
    void servicesAndConfigDoNotKnowTheRestLayer() {
        assertThat(LAYERS.lowerLayersUsingRest("service", "config")).isEmpty();
    }

    @Test
    void entitiesDependOnNoLayer() {
        assertThat(LAYERS.entitiesUsingLayers("rest", "service")).isEmpty();
    }

    @Test
    void noResourceTakesOrReturnsAnEntity() {
        assertThat(LAYERS.resourcesExposingEntities()).isEmpty();
    }
}
