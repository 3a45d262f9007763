package org.beiqin.warehouse.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.beiqin.warehouse.Movement;
import org.beiqin.warehouse.rest.WarehouseResource;
import org.beiqin.warehouse.service.MovementService;
import org.beiqin.testing.Layering;
import org.beiqin.testing.LayeringContract;

/**
 * The layering of STYLE.md on this module's classes: the checks every service shares
 * ({@link LayeringContract}), and that its resources live where STYLE.md puts them.
 */
class LayeringTest extends LayeringContract {

    private static final Layering LAYERS = new Layering("org.beiqin.warehouse");

    @Override
    protected Layering layering() {
        return LAYERS;
    }

    @Override
    protected List<Class<?>> samples() {
        return List.of(WarehouseResource.class, MovementService.class, Movement.class);
    }

    @Override
    protected String[] lowerLayers() {
        return new String[] {"service", "rules", "readmodel", "config"};
    }

    /** The read models (stock balances, equipment and extinguisher states) sit below both services and rules. */
    @Override
    protected String[][] neverUses() {
        return new String[][] {{"rules", "service"}, {"readmodel", "service"}, {"readmodel", "rules"}};
    }

    @Test
    void resourcesLiveInTheRestPackage() {
        assertThat(LAYERS.imports(WarehouseResource.class)).isTrue();
        assertThat(LAYERS.resourcesOutsideRest()).isEmpty();
    }
}
