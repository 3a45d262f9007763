package org.beiqin.drill.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.beiqin.drill.Drill;
import org.beiqin.drill.rest.DrillResource;
import org.beiqin.drill.service.DrillService;
import org.beiqin.testing.Layering;
import org.beiqin.testing.LayeringContract;

/**
 * The layering of STYLE.md on this module's classes: the checks every service shares
 * ({@link LayeringContract}), and that its resources live where STYLE.md puts them.
 */
class LayeringTest extends LayeringContract {

    private static final Layering LAYERS = new Layering("org.beiqin.drill");

    @Override
    protected Layering layering() {
        return LAYERS;
    }

    @Override
    protected List<Class<?>> samples() {
        return List.of(DrillResource.class, DrillService.class, Drill.class);
    }

    @Override
    protected String[] lowerLayers() {
        return new String[] {"service", "rules", "config"};
    }

    @Test
    void resourcesLiveInTheRestPackage() {
        assertThat(LAYERS.imports(DrillResource.class)).isTrue();
        assertThat(LAYERS.resourcesOutsideRest()).isEmpty();
    }
}
