package org.beiqin.warehouse;

/** Storage categories the notices ask to keep apart (防汛、防火、救灾等物资分类存放). */
public enum Category {
    FLOOD("防汛", "flood control"),
    FIRE("防火", "fire fighting"),
    RELIEF("救灾", "disaster relief"),
    OTHER("其他", "other");

    public final String zh;
    public final String en;

    Category(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }
}
