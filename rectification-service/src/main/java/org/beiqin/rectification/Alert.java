package org.beiqin.rectification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An alert to the county office, until a person acknowledges it. */
@Entity
public class Alert extends PanacheEntityBase {

    /** Why the office is alerted, with the title in both languages. */
    public enum Kind {
        OPENED("发现问题：%s", "New finding: %s"),
        REOPENED("问题复发（第 %2$d 次）：%1$s", "Finding recurred (%2$d times): %1$s"),
        WORSENED("问题加重：%s", "Finding worsened: %s"),
        ITEM_DUE_SOON("整改将于 %2$s 到期：%1$s", "Rectification due %2$s: %1$s"),
        ITEM_OVERDUE("整改已逾期（时限 %2$s）：%1$s", "Rectification overdue (due %2$s): %1$s"),
        MEASURE_DUE_SOON("整改措施“%3$s”将于 %2$s 到期：%1$s", "Measure \"%3$s\" due %2$s: %1$s"),
        MEASURE_OVERDUE("整改措施“%3$s”已逾期（时限 %2$s）：%1$s", "Measure \"%3$s\" overdue (due %2$s): %1$s");

        private final String zh;
        private final String en;

        Kind(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String zh(Object... args) {
            return String.format(zh, args);
        }

        public String en(Object... args) {
            return String.format(en, args);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID itemId;
    public String division;
    public String severity;
    public String kind;
    public String titleZh;
    public String titleEn;
    public Instant createdAt;
    public Instant acknowledgedAt;
    public String acknowledgedBy;
    public String acknowledgedByName;
}
