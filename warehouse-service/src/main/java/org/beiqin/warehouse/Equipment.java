package org.beiqin.warehouse;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A piece of equipment that must work when needed: torches, lamps, phones, loudspeakers, rope throwers… */
@Entity
public class Equipment extends PanacheEntityBase {

    public enum Kind {
        FLASHLIGHT("手电筒", true), EMERGENCY_LAMP("应急灯", true), SATELLITE_PHONE("卫星电话", true),
        RADIO("对讲机", true), LOUDSPEAKER("语音广播", true), DOOR_BACKUP_POWER("仓库门备用电源", true),
        ROPE_THROWER("抛绳器", false), PUMP("抽水泵", false), GENERATOR("发电机", false), OTHER("其他", false);

        public final String zh;
        public final boolean batteryByDefault;

        Kind(String zh, boolean batteryByDefault) {
            this.zh = zh;
            this.batteryByDefault = batteryByDefault;
        }
    }

    public enum Status {
        WORKING, FAULTY, SCRAPPED
    }

    @Id
    public UUID id;
    public UUID warehouseId;
    public String division;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String label;
    public boolean batteryPowered;
    @Enumerated(EnumType.STRING)
    public Status status;
    public Instant registeredAt;
    public String registeredBy;
}
