package org.beiqin.rectification;

/** 整改措施的进度. */
public enum MeasureStatus {
    PLANNED, IN_PROGRESS, DONE
}
