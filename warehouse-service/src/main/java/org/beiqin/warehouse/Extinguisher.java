package org.beiqin.warehouse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A fire extinguisher (灭火器) kept at a warehouse; its checks and services are in its history. */
@Entity
public class Extinguisher extends PanacheEntityBase {

    /** Extinguishing agent: decides scrap age and service intervals. */
    public enum Agent {
        WATER("水基型"), FOAM("泡沫"), DRY_POWDER("干粉"), CO2("二氧化碳"), CLEAN_AGENT("洁净气体");

        public final String zh;

        Agent(String zh) {
            this.zh = zh;
        }
    }

    public enum Status {
        IN_SERVICE, AWAY, SCRAPPED
    }

    @Id
    public UUID id;
    public UUID warehouseId;
    public String division;
    public String label;
    @Enumerated(EnumType.STRING)
    public Agent agent;
    public String capacity;
    public LocalDate manufacturedOn;
    public String location;
    @Enumerated(EnumType.STRING)
    public Status status;
    public Instant registeredAt;
    public String registeredBy;
}
