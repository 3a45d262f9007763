package org.beiqin.duty.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.beiqin.duty.Shift;
import org.beiqin.duty.rest.RosterResource;
import org.beiqin.duty.service.RosterService;
import org.beiqin.testing.Layering;
import org.beiqin.testing.LayeringContract;

/**
 * The layering of STYLE.md on this module's classes: the checks every service shares
 * ({@link LayeringContract}), and that its resources live where STYLE.md puts them.
 */
class LayeringTest extends LayeringContract {

    private static final Layering LAYERS = new Layering("org.beiqin.duty");

    @Override
    protected Layering layering() {
        return LAYERS;
    }

    @Override
    protected List<Class<?>> samples() {
        return List.of(RosterResource.class, RosterService.class, Shift.class);
    }

    @Override
    protected String[] lowerLayers() {
        return new String[] {"service", "rules", "config"};
    }

    @Test
    void resourcesLiveInTheRestPackage() {
        assertThat(LAYERS.imports(RosterResource.class)).isTrue();
        assertThat(LAYERS.resourcesOutsideRest()).isEmpty();
    }
}
