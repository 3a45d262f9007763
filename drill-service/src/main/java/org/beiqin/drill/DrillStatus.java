package org.beiqin.drill;

/** draft → approved → conducted → evaluated, or cancelled before it is conducted. */
public enum DrillStatus {
    DRAFT("草拟"), APPROVED("已批准"), CONDUCTED("已实施"), EVALUATED("已评估"), CANCELLED("已取消");

    public final String zh;

    DrillStatus(String zh) {
        this.zh = zh;
    }
}
