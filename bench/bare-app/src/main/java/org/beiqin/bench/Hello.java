package org.beiqin.bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The one endpoint of the start-up yardstick. */
@Path("/hello")
public class Hello {

    @GET
    public String hello() {
        return "你好";
    }
}
