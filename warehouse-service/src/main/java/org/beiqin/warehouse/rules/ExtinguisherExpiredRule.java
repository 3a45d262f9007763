package org.beiqin.warehouse.rules;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.beiqin.commons.discrepancy.Findings;
import org.beiqin.commons.time.Wording;
import org.beiqin.contract.Rule;
import org.beiqin.warehouse.Extinguisher;
import org.beiqin.warehouse.Warehouse;
import org.beiqin.warehouse.readmodel.ExtinguisherStates;

/**
 * EXTINGUISHER_EXPIRED (灭火器已失效无法使用 — notice 002): the extinguisher reached its scrap age
 * for its agent (XF 95-2015), or its latest check found it unusable. Resolved when it is
 * scrapped — or, for a failed check, when a later check or service finds it usable again.
 * <p>Resolved by: scrapping · a passing monthly check or annual inspection after a failed one · a
 * service return that finds it working. Updated while open when its cause changes (a failed check,
 * then its scrap age).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ExtinguisherExpiredRule extends RuleSupport {

    public static final Rule RULE = Rule.EXTINGUISHER_EXPIRED;

    public void check(Extinguisher e, Warehouse warehouse, ExtinguisherStates.State state) {
        String key = findings.key(RULE, e.division, "extinguisher", e.id.toString());
        if (e.status == Extinguisher.Status.SCRAPPED) {
            discrepancies.resolve(key, Findings.text("已报废", "Scrapped"), Map.of());
            return;
        }
        boolean aged = state.schedule().scrapAgeReached(today());
        boolean failed = Boolean.FALSE.equals(state.lastVerdictPassed());
        if (!aged && !failed) {
            discrepancies.resolve(key, Findings.text("最近一次检查合格", "The latest check found it usable"),
                    state.lastVerdictOn() == null ? Map.of() : Map.of("checkedOn", state.lastVerdictOn().toString()));
            return;
        }
        String label = warehouse.name + " " + e.label;
        if (aged) {
            discrepancies.open(findings.finding(RULE, e.division, "extinguisher", e.id.toString(), label,
                    String.format("灭火器“%s”（%s，出厂于 %s）已达报废年限，%s 起应报废", e.label, e.agent.zh,
                            Wording.zh(e.manufacturedOn), Wording.zh(state.schedule().scrapOn())),
                    String.format("Extinguisher %s, made %s, reached its scrap age on %s", e.label,
                            Wording.en(e.manufacturedOn), Wording.en(state.schedule().scrapOn())),
                    Map.of("cause", "scrapAge", "manufacturedOn", e.manufacturedOn.toString(),
                            "scrapOn", state.schedule().scrapOn().toString(), "agent", e.agent.name())));
        } else {
            discrepancies.open(findings.finding(RULE, e.division, "extinguisher", e.id.toString(), label,
                    String.format("灭火器“%s”在 %s 的检查中不合格，无法使用", e.label, Wording.zh(state.lastVerdictOn())),
                    String.format("Extinguisher %s failed its check on %s and cannot be used", e.label,
                            Wording.en(state.lastVerdictOn())),
                    Map.of("cause", "failedCheck", "checkedOn", state.lastVerdictOn().toString())));
        }
    }
}
