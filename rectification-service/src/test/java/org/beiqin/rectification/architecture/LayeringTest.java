package org.beiqin.rectification.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.beiqin.rectification.RectificationItem;
import org.beiqin.rectification.rest.ItemResource;
import org.beiqin.rectification.service.Ledger;
import org.beiqin.testing.Layering;
import org.beiqin.testing.LayeringContract;

/**
 * The layering of STYLE.md on this module's classes: the checks every service shares
 * ({@link LayeringContract}), and that its resources live where STYLE.md puts them.
 */
class LayeringTest extends LayeringContract {

    private static final Layering LAYERS = new Layering("org.beiqin.rectification");

    @Override
    protected Layering layering() {
        return LAYERS;
    }

    @Override
    protected List<Class<?>> samples() {
        return List.of(ItemResource.class, Ledger.class, RectificationItem.class);
    }

    @Override
    protected String[] lowerLayers() {
        return new String[] {"service", "config"};
    }

    @Test
    void resourcesLiveInTheRestPackage() {
        assertThat(LAYERS.imports(ItemResource.class)).isTrue();
        assertThat(LAYERS.resourcesOutsideRest()).isEmpty();
    }
}
