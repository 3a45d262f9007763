package org.beiqin.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.beiqin.contract.Discrepancy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * An open finding's facts change: the item says what is true now, in words, without a new item or
 * a new alert unless it got worse. A stocktake's differences are one item with lines.
 */
@QuarkusTest
class FindingUpdatesTest extends RectificationTestBase {

    @Test
    void anUpdateRewritesTheItemKeepsItsStatusAndAlertsOnlyWhenItGetsWorse() {
        String town = newTownship();
        Instant detected = clock.instant();
        Discrepancy opened = withSummary(finding(town, "COVERAGE_GAP", "medium", "P-1", detected),
                "“汛期值班”有 1 段时间不足 1 名带班领导和 2 名值班人员：7月21日 08:00—7月21日 08:00（带班 1，值班 0）");
        sendOpened(opened);
        awaitItem(town, opened.key(), d -> true);

        Discrepancy fewerGaps = withSummary(opened,
                "“汛期值班”有 1 段时间不足 1 名带班领导和 2 名值班人员：7月22日 02:00—7月22日 06:00（带班 1，值班 1）");
        sendUpdated(fewerGaps);
        sendUpdated(fewerGaps); // a redelivery with a new id: same facts again, still one item
        JsonPath item = awaitItem(town, opened.key(), d -> d.getString("item.summary").contains("02:00"));
        assertThat(item.getString("item.status")).isEqualTo("NOT_COMPLETED");
        assertThat(item.getBoolean("item.findingOpen")).isTrue();
        assertThat(item.getList("history.text", String.class))
                .contains("系统更新问题情况：" + fewerGaps.summary().zh());
        assertThat(items(town)).hasSize(1);
        assertThat(alerts(town)).as("the same severity is not news for the office").hasSize(1);

        Discrepancy worse = new Discrepancy(opened.key(), opened.rule(), "high", opened.division(), opened.subject(),
                opened.detectedAt(), new Discrepancy.Text("“汛期值班”整夜无人值守", "nobody overnight"), Map.of(),
                null, null);
        sendUpdated(worse);
        awaitItem(town, opened.key(), d -> d.getString("item.severity").equals("high"));
        List<Map<String, Object>> alerts = alerts(town);
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(0)).containsEntry("kind", "WORSENED").containsEntry("severity", "high")
                .containsEntry("title", "问题加重：“汛期值班”整夜无人值守");

        sendResolved(worse, clock.instant().plus(Duration.ofHours(1)), "值班表已排满");
        awaitItem(town, opened.key(), d -> d.getString("item.status").equals("COMPLETED"));
    }

    @Test
    void aStocktakesDifferencesAreOneItemWhoseLinesResolveOneByOne() {
        String town = newTownship();
        Discrepancy.Source stocktake = new Discrepancy.Source("stocktake", uuid(), "乔楼镇应急物资仓库 11月28日盘点");
        List<Discrepancy> lines = List.of(line(town, "铁锨", "盘点实存 18把，账面 20把，盘亏 2把", stocktake),
                line(town, "救生衣", "盘点实存 6件，账面 10件，盘亏 4件", stocktake),
                line(town, "口哨", "盘点实存 0个，账面 5个，盘亏 5个", stocktake));
        lines.forEach(this::sendOpened);

        List<Map<String, Object>> items = awaitItems(town, 1);
        String id = items.get(0).get("id").toString();
        JsonPath item = await(id, d -> d.getList("lines").size() == 3);
        assertThat(item.getString("item.summary")).isEqualTo("乔楼镇应急物资仓库 11月28日盘点：3 项账实不符");
        assertThat(item.getString("item.subject.label")).isEqualTo("乔楼镇应急物资仓库 11月28日盘点");
        assertThat(item.getString("item.rule")).isEqualTo("LEDGER_MISMATCH");
        assertThat(item.getList("lines.summary", String.class)).contains("盘点实存 6件，账面 10件，盘亏 4件");
        assertThat(alerts(town)).singleElement().satisfies(a -> assertThat(a)
                .containsEntry("title", "发现问题：乔楼镇应急物资仓库 11月28日盘点：账实不符"));

        // a line's facts change: its text follows, the item stays one
        sendUpdated(withSummary(lines.get(1), "盘点实存 6件，账面 10件，盘亏 4件；已审批调整 -1件，尚差 3件"));
        await(id, d -> d.getList("lines.summary", String.class).contains("盘点实存 6件，账面 10件，盘亏 4件；已审批调整 -1件，尚差 3件"));

        sendResolved(lines.get(0), clock.instant(), "盘点差异已审批并更正入账");
        item = await(id, d -> d.getString("item.summary").endsWith("已解决 1 项"));
        assertThat(item.getString("item.status")).isEqualTo("NOT_COMPLETED");
        assertThat(item.getList("lines.findingOpen", Boolean.class)).containsExactly(true, true, false);
        assertThat(item.getString("lines[2].resolvedBy")).isEqualTo("盘点差异已审批并更正入账");

        sendResolved(lines.get(1), clock.instant(), "经审批的调整已补齐盘点差异");
        sendResolved(lines.get(2), clock.instant(), "复盘数量与账面相符");
        item = await(id, d -> d.getString("item.status").equals("COMPLETED"));
        assertThat(item.getString("item.summary")).isEqualTo("乔楼镇应急物资仓库 11月28日盘点：3 项账实不符");
        assertThat(item.getString("verification.evidence")).isEqualTo("系统核验：3 项均已消除");
        assertThat(items(town)).hasSize(1);
        assertThat(alerts(town)).hasSize(1);

        // one line comes back: the item opens again, once
        sendOpened(lines.get(2));
        item = await(id, d -> d.getString("item.status").equals("NOT_COMPLETED"));
        assertThat(item.getInt("item.recurrences")).isEqualTo(1);
        assertThat(alerts(town)).hasSize(2);
    }

    @Test
    void aDifferenceThatComesBackInALaterStocktakeIsALineOfThatStocktakeAndTheFirstKeepsItsHistory() {
        String town = newTownship();
        Discrepancy.Source november = new Discrepancy.Source("stocktake", uuid(), "乔楼镇应急物资仓库 11月28日盘点");
        Discrepancy.Source december = new Discrepancy.Source("stocktake", uuid(), "乔楼镇应急物资仓库 12月28日盘点");
        Discrepancy shovels = line(town, "铁锨", "盘点实存 18把，账面 20把，盘亏 2把", november);
        sendOpened(shovels);
        String first = awaitItems(town, 1).get(0).get("id").toString();
        sendResolved(shovels, clock.instant(), "复盘数量与账面相符");
        await(first, d -> d.getString("item.status").equals("COMPLETED"));

        Discrepancy again = new Discrepancy(shovels.key(), shovels.rule(), shovels.severity(), shovels.division(),
                shovels.subject(), clock.instant().plusSeconds(60), new Discrepancy.Text("盘点实存 17把，账面 20把，盘亏 3把",
                        "short 3"), Map.of("stocktakeId", december.id()), december, null);
        sendOpened(again);
        List<Map<String, Object>> both = awaitItems(town, 2);
        String second = both.stream().map(i -> i.get("id").toString()).filter(id -> !id.equals(first)).findFirst()
                .orElseThrow();
        JsonPath later = await(second, d -> d.getList("lines").size() == 1);
        assertThat(later.getString("item.summary")).isEqualTo("乔楼镇应急物资仓库 12月28日盘点：1 项账实不符");
        assertThat(later.getString("lines[0].summary")).isEqualTo("盘点实存 17把，账面 20把，盘亏 3把");
        JsonPath earlier = item(first);
        assertThat(earlier.getString("item.status")).isEqualTo("COMPLETED");
        assertThat(earlier.getString("item.summary")).isEqualTo("乔楼镇应急物资仓库 11月28日盘点：1 项账实不符");
        assertThat(earlier.getList("lines.summary", String.class)).containsExactly("盘点实存 18把，账面 20把，盘亏 2把");

        sendResolved(again, clock.instant(), "复盘数量与账面相符");
        await(second, d -> d.getString("item.status").equals("COMPLETED"));
    }

    @Test
    void aDifferenceFoundBeforeGroupingEndsOnItsOwnItemAndOnlyANewEpisodeJoinsTheStocktake() {
        String town = newTownship();
        Discrepancy.Source stocktake = new Discrepancy.Source("stocktake", uuid(), "乔楼镇应急物资仓库 12月1日盘点");
        Discrepancy grouped = line(town, "铁锨", "盘点实存 18把，账面 20把，盘亏 2把", stocktake);
        Discrepancy before = new Discrepancy(grouped.key(), grouped.rule(), grouped.severity(), grouped.division(),
                grouped.subject(), grouped.detectedAt(), grouped.summary(), grouped.evidence(), null, null);
        sendOpened(before); // as the service sent it before it named sources
        awaitItem(town, before.key(), d -> true);

        sendUpdated(withSummary(grouped, "盘点实存 18把，账面 20把，盘亏 2把；已审批调整 -1把，尚差 1把"));
        awaitItem(town, before.key(), d -> d.getString("item.summary").contains("尚差 1把"));
        sendResolved(grouped, clock.instant(), "经审批的调整已补齐盘点差异");
        awaitItem(town, before.key(), d -> d.getString("item.status").equals("COMPLETED"));
        assertThat(items(town)).as("no stocktake item for an episode that began on its own").hasSize(1);

        sendOpened(grouped);
        List<Map<String, Object>> both = awaitItems(town, 2);
        assertThat(both).anySatisfy(i -> assertThat(i.get("summary")).isEqualTo("乔楼镇应急物资仓库 12月1日盘点：1 项账实不符"));
    }

    private Discrepancy line(String town, String itemName, String zh, Discrepancy.Source source) {
        String subject = uuid();
        return new Discrepancy(Discrepancy.key("warehouse", town, "LEDGER_MISMATCH", "stock", subject),
                "LEDGER_MISMATCH", "high", town,
                new Discrepancy.Subject("stock", subject, "乔楼镇应急物资仓库 " + itemName + "（防汛区）"), clock.instant(),
                new Discrepancy.Text(zh, "counted differs"), Map.of("stocktakeId", source.id()), source, null);
    }

    private static Discrepancy withSummary(Discrepancy d, String zh) {
        return new Discrepancy(d.key(), d.rule(), d.severity(), d.division(), d.subject(), d.detectedAt(),
                new Discrepancy.Text(zh, zh), d.evidence(), d.source(), null);
    }

    private static JsonPath await(String id, Predicate<JsonPath> condition) {
        return Awaitility.await().atMost(APPLIED).pollInterval(Duration.ofMillis(200))
                .until(() -> item(id), condition);
    }
}
