package org.beiqin.rectification;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A county, township or village of the registry: its code, name and parent. */
@Entity
public class Division extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    public String parent;
    public Instant updatedAt;
    public String updatedBy;
    @Version
    public int version;
}
