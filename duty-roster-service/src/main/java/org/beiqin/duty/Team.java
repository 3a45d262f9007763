package org.beiqin.duty;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import com.fasterxml.jackson.annotation.JsonValue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 应急救援队伍 of a township or a village. */
@Entity
public class Team extends PanacheEntityBase {

    /** The level of division a team serves; it decides the minimum size. Written as the contract and the database write it. */
    public enum Level {
        TOWNSHIP("township", "乡"), VILLAGE("village", "村");

        private final String wire;
        public final String zh;

        Level(String wire, String zh) {
            this.wire = wire;
            this.zh = zh;
        }

        @JsonValue
        public String wire() {
            return wire;
        }

        static Level of(String wire) {
            for (Level level : values()) {
                if (level.wire.equals(wire)) {
                    return level;
                }
            }
            throw new IllegalArgumentException("team level " + wire);
        }
    }

    /** {@code township} / {@code village} in the column, as the CHECK constraint has them. */
    @Converter
    public static class LevelColumn implements AttributeConverter<Level, String> {
        @Override
        public String convertToDatabaseColumn(Level level) {
            return level == null ? null : level.wire();
        }

        @Override
        public Level convertToEntityAttribute(String column) {
            return column == null ? null : Level.of(column);
        }
    }

    @Id
    public UUID id;
    public String division;
    public String name;
    @Convert(converter = LevelColumn.class)
    public Level level;
    public Instant createdAt;
    @Version
    public int version;

    /** Active members still on the list: the team's strength. */
    public long activeMembers() {
        return Member.count("teamId = ?1 and status = ?2 and listed = true", id, Member.Status.ACTIVE);
    }
}
