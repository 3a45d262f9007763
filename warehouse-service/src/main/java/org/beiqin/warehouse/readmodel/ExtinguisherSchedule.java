package org.beiqin.warehouse.readmodel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * When an extinguisher's next check, inspection and service fall due and when it must be
 * scrapped, from its manufacture date and the last record of each kind. A date is "due" through
 * its own day and overdue from the day after; the scrap date is reached on the day itself
 * (XF 95-2015: 达到或超过规定期限的应报废).
 */
public record ExtinguisherSchedule(LocalDate monthlyCheckDue, LocalDate annualInspectionDue, LocalDate serviceDue,
        LocalDate scrapOn) {

    /** What the schedule is computed from; the {@code last*} dates may be null (never recorded). */
    public record Inputs(LocalDate manufacturedOn, LocalDate registeredOn, LocalDate lastMonthlyCheck,
            LocalDate lastAnnualInspection, LocalDate lastService, int monthlyCheckDays, int annualInspectionDays,
            int firstServiceYears, int serviceIntervalYears, int scrapYears) {
    }

    public static ExtinguisherSchedule of(Inputs in) {
        LocalDate monthlyFrom = in.lastMonthlyCheck() != null ? in.lastMonthlyCheck() : in.registeredOn();
        LocalDate annualFrom = in.lastAnnualInspection() != null ? in.lastAnnualInspection() : in.registeredOn();
        LocalDate serviceDue = in.lastService() != null ? in.lastService().plusYears(in.serviceIntervalYears())
                : in.manufacturedOn().plusYears(in.firstServiceYears());
        return new ExtinguisherSchedule(monthlyFrom.plusDays(in.monthlyCheckDays()),
                annualFrom.plusDays(in.annualInspectionDays()), serviceDue,
                in.manufacturedOn().plusYears(in.scrapYears()));
    }

    public boolean scrapAgeReached(LocalDate today) {
        return !today.isBefore(scrapOn);
    }

    /** The schedules overdue on {@code today}: monthlyCheck, annualInspection, service. */
    public List<String> overdue(LocalDate today) {
        List<String> overdue = new ArrayList<>();
        if (today.isAfter(monthlyCheckDue)) {
            overdue.add("monthlyCheck");
        }
        if (today.isAfter(annualInspectionDue)) {
            overdue.add("annualInspection");
        }
        if (today.isAfter(serviceDue)) {
            overdue.add("service");
        }
        return overdue;
    }
}
