package org.beiqin.rectification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A county, township or village of the registry: its code, name and parent. */
@Entity
@Table(name = "division")
public class Division extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    public String parent;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
    @Version
    public int version;
}
