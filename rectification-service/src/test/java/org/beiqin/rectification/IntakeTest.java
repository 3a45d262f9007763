package org.beiqin.rectification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.EventTypes;
import org.beiqin.contract.Topics;
import org.beiqin.rectification.service.DiscrepancyIntake;
import org.beiqin.testing.EmbeddedKafka;
import org.beiqin.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Discrepancy events from the topic become the ledger: once each, reopened on recurrence, verified on resolution. */
@QuarkusTest
class IntakeTest extends RectificationTestBase {

    @Inject
    DiscrepancyIntake intake;

    @Test
    void anOpenedEventBecomesAnItemWithADefaultDeadlineAndAnAlert() {
        String town = newTownship();
        Instant detected = clock.instant();
        Discrepancy finding = finding(town, "EXTINGUISHER_INSPECTION_OVERDUE", "high", "E-07", detected);
        sendOpened(finding);

        JsonPath item = awaitItem(town, finding.key(), d -> true);
        assertThat(item.getString("item.rule")).isEqualTo("EXTINGUISHER_INSPECTION_OVERDUE");
        assertThat(item.getString("item.ruleTitle")).isEqualTo("灭火器未及时检查检测");
        assertThat(item.getString("item.status")).isEqualTo("NOT_COMPLETED");
        assertThat(item.getString("item.statusLabel")).isEqualTo("未完成");
        assertThat(item.getBoolean("item.findingOpen")).isTrue();
        assertThat(item.getString("item.summary")).isEqualTo("灭火器年检已逾期 E-07");
        assertThat(item.getString("item.subject.label")).isEqualTo("乔楼镇仓库 干粉灭火器 E-07");
        assertThat(item.getString("evidence.dueBy")).isEqualTo("2026-04-17");
        // high findings get seven days (整改时限) until the county office sets its own
        assertThat(item.getString("item.deadline")).isEqualTo(clock.today().plusDays(7).toString());
        assertThat(item.getList("history.kind")).containsExactly("OPENED");

        List<Map<String, Object>> alerts = alerts(town);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0)).containsEntry("kind", "OPENED").containsEntry("severity", "high")
                .containsEntry("title", "发现问题：灭火器年检已逾期 E-07");
    }

    @Test
    void aCountyCanSetItsOwnDefaultDeadlines() {
        String town = "410183" + newTownship().substring(6);
        Discrepancy finding = finding(town, "EXTINGUISHER_EXPIRED", "high", "E-" + uuid(), clock.instant());
        sendOpened(finding);
        JsonPath item = await().atMost(APPLIED).until(() -> as(Tokens.countyOffice("410183"))
                .queryParam("division", town).get("/api/rectification/items").then().statusCode(200).extract()
                .jsonPath(), j -> j.getInt("total") == 1);
        assertThat(item.getString("items[0].deadline")).isEqualTo(clock.today().plusDays(2).toString());
    }

    @Test
    void duplicatesAndRepeatsLeaveExactlyOneItemAndOneAlert() {
        String town = newTownship();
        Discrepancy finding = finding(town, "BATTERY_LOW", "medium", "SAT-1", clock.instant());
        UUID id = sendOpened(finding);
        awaitItems(town, 1);
        double redeliveredBefore = redelivered();
        // the same event delivered again, and the producer saying "opened" again within the episode
        topic.event(Topics.DISCREPANCIES, finding.key(), id, "/warehouse-service", EventTypes.DISCREPANCY_OPENED,
                finding.detectedAt(), EventTypes.DISCREPANCY_SCHEMA, finding);
        topic.event(Topics.DISCREPANCIES, finding.key(), id, "/warehouse-service", EventTypes.DISCREPANCY_OPENED,
                finding.detectedAt(), EventTypes.DISCREPANCY_SCHEMA, finding);
        sendOpened(finding);

        JsonPath item = awaitItem(town, finding.key(), d -> d.getList("history").size() == 2);
        assertThat(item.getList("history.kind")).containsExactly("OPENED", "FINDING_UPDATED");
        assertThat(item.getInt("item.recurrences")).isZero();
        assertThat(items(town)).hasSize(1);
        assertThat(alerts(town)).hasSize(1);
        // what an operator watching a failover sees: the two redeliveries, counted and skipped
        assertThat(redelivered()).isGreaterThanOrEqualTo(redeliveredBefore + 2);
    }

    /** {@code beiqin_consumer_redelivered_total} for the discrepancies topic, from /q/metrics. */
    private static double redelivered() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("beiqin_consumer_redelivered_total{")
                        && l.contains("topic=\"" + Topics.DISCREPANCIES + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void aConsumerRestartBeforeItsOffsetCommitChangesNothing() throws Exception {
        String town = newTownship();
        Discrepancy first = finding(town, "LEDGER_MISMATCH", "high", "I-1", clock.instant());
        Discrepancy second = finding(town, "EXPIRED_STOCK", "medium", "I-2", clock.instant());
        sendOpened(first);
        sendOpened(second);
        awaitItems(town, 2);
        JsonPath before = awaitItem(town, first.key(), d -> true);

        // a crash before the commit: the consumer stops, and its group is back where it was before
        // any of this module's events (the very beginning), so everything is read again
        intake.pause();
        try (Admin admin = EmbeddedKafka.shared().admin()) {
            Map<TopicPartition, OffsetAndMetadata> rewound = new HashMap<>();
            for (int p = 0; p < 6; p++) {
                rewound.put(new TopicPartition(Topics.DISCREPANCIES, p), new OffsetAndMetadata(0));
            }
            admin.alterConsumerGroupOffsets("rectification-service.discrepancies", rewound).all().get();
        }
        intake.resume();
        awaitCaughtUp();

        assertThat(items(town)).hasSize(2);
        assertThat(alerts(town)).hasSize(2);
        JsonPath after = awaitItem(town, first.key(), d -> true);
        assertThat(after.getList("history.kind")).isEqualTo(before.getList("history.kind"));
        assertThat(after.getInt("item.version")).isEqualTo(before.getInt("item.version"));
    }

    @Test
    void aBacklogReadInBigPollsEndsAsItsEventsSaidOneAfterAnother() throws Exception {
        String town = newTownship();
        Discrepancy.Source stocktake = new Discrepancy.Source("stocktake", uuid(), "乔楼镇应急物资仓库 12月1日盘点");
        List<Discrepancy> lines = IntStream.range(0, 40).mapToObj(i -> {
            String subject = uuid();
            return new Discrepancy(Discrepancy.key("warehouse", town, "LEDGER_MISMATCH", "stock", subject),
                    "LEDGER_MISMATCH", "medium", town,
                    new Discrepancy.Subject("stock", subject, "乔楼镇应急物资仓库 物资" + i + "（防汛区）"), clock.instant(),
                    new Discrepancy.Text("盘点实存 18，账面 20，盘亏 2", "counted 18, ledger 20"),
                    Map.of("stocktakeId", stocktake.id()), stocktake, null);
        }).toList();
        Discrepancy single = finding(town, "EXTINGUISHER_EXPIRED", "medium", "E-" + uuid(), clock.instant());
        double redeliveredBefore = redelivered();

        // a backlog, as after an outage or a county's first import: the consumer reads it in polls of
        // hundreds, each applied as one set
        intake.pause();
        try {
            lines.forEach(this::sendOpened);
            UUID opened = sendOpened(single);
            topic.event(Topics.DISCREPANCIES, single.key(), opened, "/warehouse-service", EventTypes.DISCREPANCY_OPENED,
                    single.detectedAt(), EventTypes.DISCREPANCY_SCHEMA, single);
            Discrepancy worse = lines.get(3);
            sendUpdated(new Discrepancy(worse.key(), worse.rule(), "high", worse.division(), worse.subject(),
                    worse.detectedAt(), new Discrepancy.Text("盘点实存 0，账面 20，盘亏 20", "counted 0, ledger 20"),
                    worse.evidence(), worse.source(), null));
            lines.subList(0, 10).forEach(line -> sendResolved(line, clock.instant(), "盘点差异已审批并更正入账"));
            sendResolved(single, clock.instant(), "已更换灭火器");
            sendOpened(single.detectedSince(clock.instant()));
        } finally {
            intake.resume();
        }
        awaitCaughtUp();

        List<Map<String, Object>> items = items(town);
        assertThat(items).hasSize(2);
        JsonPath document = awaitItem(town, Discrepancy.key("warehouse", town, "LEDGER_MISMATCH", "stocktake",
                stocktake.id()), d -> true);
        assertThat(document.getString("item.summary")).isEqualTo("乔楼镇应急物资仓库 12月1日盘点：40 项账实不符，已解决 10 项");
        assertThat(document.getString("item.severity")).isEqualTo("high");
        assertThat(document.getString("item.status")).isEqualTo("NOT_COMPLETED");
        assertThat(document.getList("lines")).hasSize(40);
        assertThat(document.getList("lines.findingOpen", Boolean.class)).filteredOn(open -> open).hasSize(30);
        assertThat(document.getList("lines.summary", String.class)).contains("盘点实存 0，账面 20，盘亏 20");
        assertThat(document.getList("history.kind")).containsExactly("OPENED");

        JsonPath again = awaitItem(town, single.key(), d -> true);
        assertThat(again.getList("history.kind")).containsExactly("OPENED", "VERIFIED_BY_SYSTEM", "REOPENED");
        assertThat(again.getInt("item.recurrences")).isEqualTo(1);
        assertThat(again.getBoolean("item.findingOpen")).isTrue();

        // one alert for the stocktake and one when a line made it worse; the single finding's two
        assertThat(alerts(town)).extracting(a -> a.get("kind"))
                .containsExactlyInAnyOrder("OPENED", "WORSENED", "OPENED", "REOPENED");
        assertThat(redelivered()).isGreaterThanOrEqualTo(redeliveredBefore + 1);
    }

    @Test
    void resolvedVerifiesTheItemAndARecurrenceReopensIt() {
        String town = newTownship();
        Instant detected = clock.instant();
        Discrepancy finding = finding(town, "EXTINGUISHER_INSPECTION_OVERDUE", "medium", "E-9", detected);
        sendOpened(finding);
        Instant fixed = detected.plus(Duration.ofDays(3));
        sendResolved(finding, fixed, "已登记年检");

        JsonPath closed = awaitItem(town, finding.key(), d -> "COMPLETED".equals(d.getString("item.status")));
        assertThat(closed.getBoolean("item.findingOpen")).isFalse();
        assertThat(closed.getString("verification.by")).isEqualTo("system");
        assertThat(closed.getString("verification.name")).isEqualTo("系统");
        assertThat(Instant.parse(closed.getString("verification.at"))).isEqualTo(fixed);
        // people read the reason; the source's evidence fields stay with the resolution
        assertThat(closed.getString("verification.evidence")).isEqualTo("系统核验：已登记年检");
        assertThat(closed.getMap("resolution").toString()).contains("inspectedOn");
        assertThat(Instant.parse(closed.getString("item.closedAt"))).isEqualTo(fixed);

        Instant again = detected.plus(Duration.ofDays(40));
        sendOpened(new Discrepancy(finding.key(), finding.rule(), finding.severity(), finding.division(),
                finding.subject(), again, finding.summary(), finding.evidence(), null, null));
        JsonPath reopened = awaitItem(town, finding.key(), d -> d.getInt("item.recurrences") == 1);
        assertThat(reopened.getString("item.status")).isEqualTo("NOT_COMPLETED");
        assertThat(reopened.getBoolean("item.findingOpen")).isTrue();
        assertThat(reopened.getString("verification")).isNull();
        assertThat(reopened.getString("item.closedAt")).isNull();
        assertThat(reopened.getString("item.deadline"))
                .isEqualTo(LocalDate.ofInstant(again, clock.getZone()).plusDays(15).toString());
        assertThat(reopened.getList("history.kind")).containsExactly("OPENED", "VERIFIED_BY_SYSTEM", "REOPENED");
        assertThat(items(town)).hasSize(1);

        List<Map<String, Object>> alerts = alerts(town);
        assertThat(alerts).extracting(a -> a.get("kind")).containsExactly("REOPENED", "OPENED");
        // a recurrence matters more than the first finding
        assertThat(alerts.get(0)).containsEntry("severity", "high")
                .containsEntry("title", "问题复发（第 1 次）：灭火器年检已逾期 E-9");
    }

    @Test
    void aResolvedEventWithoutItsOpenedOneStillLeavesAVerifiedItem() {
        String town = newTownship();
        Discrepancy finding = finding(town, "ITEM_UNLABELED", "low", "FUEL-1", clock.instant());
        sendResolved(finding, clock.instant().plusSeconds(60), "已补全油品种类");
        JsonPath item = awaitItem(town, finding.key(), d -> true);
        assertThat(item.getString("item.status")).isEqualTo("COMPLETED");
        assertThat(item.getString("verification.by")).isEqualTo("system");
    }

    @Test
    void unknownRulesAreKeptNotDropped() {
        String town = newTownship();
        Discrepancy finding = finding(town, "SANDBAGS_WET_2027", "low", "S-1", clock.instant());
        sendOpened(finding);
        JsonPath item = awaitItem(town, finding.key(), d -> true);
        assertThat(item.getString("item.rule")).isEqualTo("SANDBAGS_WET_2027");
        assertThat(item.getString("item.ruleTitle")).isEqualTo("rule.SANDBAGS_WET_2027");
    }

    @Test
    void badRecordsGoToQuarantineAndTheRecordsBehindThemAreApplied() {
        String town = newTownship();
        String marker = uuid();
        topic.raw(Topics.DISCREPANCIES, "bad-" + marker, "this is not json " + marker);
        topic.event(Topics.DISCREPANCIES, "bad-" + marker, "/warehouse-service", "preparedness.something.else",
                clock.instant(), EventTypes.DISCREPANCY_SCHEMA, Map.of("key", marker));
        Discrepancy noDivision = new Discrepancy("warehouse/x/BATTERY_LOW/e/" + marker, "BATTERY_LOW", "medium",
                "Henan", new Discrepancy.Subject("equipment", marker, null), clock.instant(),
                new Discrepancy.Text("电量不足", null), null, null, null);
        sendOpened(noDivision);
        Discrepancy good = finding(town, "BATTERY_LOW", "medium", "after-" + marker, clock.instant());
        sendOpened(good);

        awaitItems(town, 1);
        List<Map<String, Object>> quarantine = await().atMost(APPLIED).until(() -> admin()
                .get("/api/rectification/quarantine").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("$").stream()
                .filter(q -> String.valueOf(q.get("key")).contains(marker)
                        || String.valueOf(q.get("payload")).contains(marker))
                .toList(), list -> list.size() == 3);
        assertThat(quarantine).extracting(q -> q.get("reason").toString()).anySatisfy(
                r -> assertThat(r).containsIgnoringCase("json"))
                .anySatisfy(r -> assertThat(r).contains("not a discrepancy event: type preparedness.something.else"))
                .anySatisfy(r -> assertThat(r).contains("division must be a 6, 9 or 12 digit code, was Henan"));
        assertThat(quarantine).allSatisfy(q -> assertThat(q.get("payload")).isNotNull());

        // the county office sees the quarantine only through an admin
        county().get("/api/rectification/quarantine").then().statusCode(403)
                .contentType("application/problem+json");
    }

    /** Waits until the service's group has committed everything on the topic. */
    private static void awaitCaughtUp() throws Exception {
        try (Admin admin = EmbeddedKafka.shared().admin()) {
            await().atMost(APPLIED).pollInterval(Duration.ofMillis(200)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets("rectification-service.discrepancies").partitionsToOffsetAndMetadata()
                        .get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (int p = 0; p < 6; p++) {
                    latest.put(new TopicPartition(Topics.DISCREPANCIES, p), OffsetSpec.latest());
                }
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
                return ends.entrySet().stream().allMatch(e -> {
                    OffsetAndMetadata c = committed.get(e.getKey());
                    return e.getValue().offset() == 0 || (c != null && c.offset() >= e.getValue().offset());
                });
            });
        }
    }
}
