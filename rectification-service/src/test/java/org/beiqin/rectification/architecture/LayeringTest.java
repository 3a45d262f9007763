package org.beiqin.rectification.architecture;

import java.util.List;

import org.beiqin.rectification.RectificationItem;
import org.beiqin.rectification.rest.ItemResource;
import org.beiqin.rectification.service.Ledger;
import org.beiqin.testing.Layering;
import org.beiqin.testing.LayeringContract;

/** The layering of STYLE.md on this module's classes (see {@link Layering}). */
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
}
