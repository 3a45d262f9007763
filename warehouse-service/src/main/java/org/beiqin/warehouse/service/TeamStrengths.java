package org.beiqin.warehouse.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.beiqin.commons.consumer.EventLoop;
import org.beiqin.commons.consumer.TopicConsumer;
import org.beiqin.contract.CloudEventCodec;
import org.beiqin.contract.EventTypes;
import org.beiqin.contract.TeamChanged;
import org.beiqin.contract.Topics;
import org.beiqin.warehouse.config.WarehouseConfig;
import org.beiqin.warehouse.rules.PersonalKitRule;

import io.cloudevents.CloudEvent;

/**
 * Keeps the team sizes the per-responder standard needs, from {@code roster.teams}, on the shared
 * {@link EventLoop}: each event applied once in a transaction with its id, offsets committed
 * after, records that are not team events kept in quarantine while the ones behind them go on.
 * An older size than the one kept (events of one team arrive in order, but a replay may not) is
 * ignored.
 */
@ApplicationScoped
public class TeamStrengths extends TopicConsumer {

    @Inject
    WarehouseConfig config;

    @Inject
    EntityManager em;

    @Inject
    PersonalKitRule personalKit;

    @Override
    protected Subscription subscription() {
        return new Subscription("warehouse-service.roster-teams", Topics.ROSTER_TEAMS, config.teams().consume());
    }

    @Override
    protected void apply(ConsumerRecord<String, String> record) {
        CloudEvent event = event(record, "a team event", EventTypes.TEAM_CHANGED);
        TeamChanged team = CloudEventCodec.data(event, TeamChanged.class);
        if (team.teamId() == null || team.division() == null || team.changedAt() == null || team.activeMembers() < 0) {
            throw new EventLoop.Rejected("team event " + event.getId() + " lacks teamId, division or changedAt");
        }
        if (!consumed.firstDelivery(event.getId(), record.topic())) {
            return;
        }
        int changed = em.createNativeQuery("""
                INSERT INTO team_strength (team_id, division, level, active_members, changed_at)
                VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (team_id) DO UPDATE SET division = EXCLUDED.division, level = EXCLUDED.level,
                    active_members = EXCLUDED.active_members, changed_at = EXCLUDED.changed_at
                WHERE team_strength.changed_at <= EXCLUDED.changed_at""")
                .setParameter(1, team.teamId()).setParameter(2, team.division()).setParameter(3, team.level())
                .setParameter(4, team.activeMembers()).setParameter(5, team.changedAt()).executeUpdate();
        if (changed > 0) {
            personalKit.teamChanged(team.division());
        }
    }
}
