package org.beiqin.gateway.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.beiqin.gateway.User;
import org.beiqin.gateway.rest.UserResource;
import org.beiqin.gateway.service.UserService;
import org.beiqin.testing.Layering;
import org.beiqin.testing.LayeringContract;

/** The layering every service keeps, on the gateway's classes; the proxy sits beside the services. */
class LayeringTest extends LayeringContract {

    private static final Layering LAYERS = new Layering("org.beiqin.gateway");

    @Override
    protected Layering layering() {
        return LAYERS;
    }

    @Override
    protected List<Class<?>> samples() {
        return List.of(UserResource.class, UserService.class, User.class);
    }

    @Override
    protected String[] lowerLayers() {
        return new String[] {"service", "proxy", "config"};
    }

    @Test
    void resourcesLiveInTheRestPackage() {
        assertThat(LAYERS.imports(UserResource.class)).isTrue();
        assertThat(LAYERS.resourcesOutsideRest()).isEmpty();
    }
}
