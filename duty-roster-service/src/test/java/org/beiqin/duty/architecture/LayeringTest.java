package org.beiqin.duty.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.beiqin.testing.Layering;
import org.beiqin.duty.Shift;
import org.beiqin.duty.rest.RosterResource;
import org.beiqin.duty.service.RosterService;

/** The layering of STYLE.md on this module's classes (see {@link Layering}). */
class LayeringTest {

    private static final Layering LAYERS = new Layering("org.beiqin.duty");

    @Test
    void theAnalysisSeesTheResourcesServicesAndEntities() {
        assertThat(LAYERS.imports(RosterResource.class)).isTrue();
        assertThat(LAYERS.imports(RosterService.class)).isTrue();
        assertThat(LAYERS.imports(Shift.class)).isTrue();
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
