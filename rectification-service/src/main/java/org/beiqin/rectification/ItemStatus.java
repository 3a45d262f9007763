package org.beiqin.rectification;

/** The four outcomes the county notices report for a problem. */
public enum ItemStatus {
    NOT_COMPLETED("未完成", "not completed"),
    BASICALLY_COMPLETED("基本完成", "basically completed"),
    COMPLETED("完成", "completed"),
    LONG_TERM("长期整改", "long-term");

    private final String zh;
    private final String en;

    ItemStatus(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** Still being worked on within a deadline: reminded and escalated. */
    public boolean pursued() {
        return this == NOT_COMPLETED || this == BASICALLY_COMPLETED;
    }
}
