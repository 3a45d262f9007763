package org.beiqin.rectification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.beiqin.rectification.config.RectificationConfig;

/** Names of divisions (荥阳市, 乔楼镇…) from configuration; a code without a name stays a code. */
@ApplicationScoped
public class DivisionNames {

    @Inject
    RectificationConfig config;

    public String name(String code) {
        String name = config.divisionNames().get(code);
        return name == null ? code : name;
    }

    /** "乔楼镇（410182102）", or the bare code when no name is configured. */
    public String labelled(String code) {
        String name = config.divisionNames().get(code);
        return name == null ? code : name + "（" + code + "）";
    }
}
