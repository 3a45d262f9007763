package org.beiqin.rectification.service;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.beiqin.rectification.Alert;
import org.beiqin.rectification.HistoryEntry;
import org.beiqin.rectification.ItemLine;
import org.beiqin.rectification.RectificationItem;

/**
 * What one poll of discrepancy events reads and writes, so that the poll is applied as a set
 * (issue 20: a county's first import). Before the first event, the items and lines that any of
 * them names are read in one query each and the items locked; the events then find them here,
 * with no query of their own, so Hibernate does not flush (and dirty-check the poll) before each;
 * their history entries and alerts are kept here and written at the end in one JDBC batch each,
 * after Hibernate flushed the items and lines in batches.
 */
final class Batch {

    private final EntityManager em;
    private final ObjectMapper json;
    /** Known to be there, or known to be absent (a null value), by key. */
    private final Map<String, ItemLine> lines = new HashMap<>();
    private final Map<String, RectificationItem> itemsByKey = new HashMap<>();
    private final Map<UUID, RectificationItem> itemsById = new HashMap<>();
    private final List<HistoryEntry> history = new ArrayList<>();
    private final List<Alert> alerts = new ArrayList<>();

    private Batch(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /**
     * Reads and locks what the events of a poll name: {@code keys}, the findings' own keys;
     * {@code documentKeys}, the keys of the source documents' items. First the alert feed's lock
     * (alerts commit in the order of their ids, see {@link Journal#alert}; held from here, so that
     * every writer of alerts takes it before the items it locks); then the documents' keys, in one
     * order for every replica, so that two replicas that bring lines of a new document at once
     * create its item once and never wait on each other in a circle; then the items, in the order
     * of their ids.
     */
    static Batch load(EntityManager em, ObjectMapper json, Collection<String> keys, Collection<String> documentKeys) {
        Batch batch = new Batch(em, json);
        em.unwrap(Session.class).doWork(connection -> {
            // the feed's lock before any item's: the nightly escalation takes them in that order too
            try (PreparedStatement lock = connection.prepareStatement(Journal.ALERT_LOCK)) {
                lock.executeQuery().close();
            }
            if (!documentKeys.isEmpty()) {
                try (PreparedStatement lock = connection.prepareStatement("""
                        SELECT count(pg_advisory_xact_lock(h))
                        FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest(?::text[]) AS k ORDER BY 1) AS ordered""")) {
                    lock.setArray(1, connection.createArrayOf("text", new TreeSet<>(documentKeys).toArray()));
                    lock.executeQuery().close();
                }
            }
        });
        for (ItemLine line : em.createQuery("FROM ItemLine WHERE key IN :keys", ItemLine.class)
                .setParameter("keys", keys).getResultList()) {
            batch.lines.put(line.key, line);
        }
        List<String> itemKeys = new ArrayList<>(keys);
        itemKeys.addAll(documentKeys);
        List<UUID> ofLines = batch.lines.values().stream().map(l -> l.itemId).distinct().toList();
        var items = ofLines.isEmpty()
                ? em.createQuery("FROM RectificationItem WHERE key IN :keys ORDER BY id", RectificationItem.class)
                : em.createQuery("FROM RectificationItem WHERE key IN :keys OR id IN :ids ORDER BY id",
                        RectificationItem.class).setParameter("ids", ofLines);
        for (RectificationItem item : items.setParameter("keys", itemKeys)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()) {
            batch.itemsByKey.put(item.key, item);
            batch.itemsById.put(item.id, item);
        }
        return batch;
    }

    /** The line of {@code key}, or null when there is none. */
    ItemLine line(String key) {
        return lines.get(key);
    }

    /** The item of {@code key}, locked, or null when there is none. */
    RectificationItem item(String key) {
        return itemsByKey.get(key);
    }

    /** The item a line of this poll belongs to, locked. */
    RectificationItem item(UUID id) {
        RectificationItem item = itemsById.get(id);
        if (item == null) {
            throw new IllegalStateException("item " + id + " of a line was not read with the poll");
        }
        return item;
    }

    /** A new item, found by the poll's later events; it is persisted once described. */
    void add(RectificationItem item) {
        itemsByKey.put(item.key, item);
        itemsById.put(item.id, item);
    }

    void add(ItemLine line) {
        line.persist();
        lines.put(line.key, line);
    }

    /**
     * Moves a resolved line under a key of its own, so its key can start a line elsewhere: rare
     * (a difference found again by another document), so it is written at once.
     */
    void archive(ItemLine line) {
        em.flush();
        em.createNativeQuery(
                "UPDATE item_line SET discrepancy_key = discrepancy_key || '@' || gen_random_uuid() WHERE discrepancy_key = ?1")
                .setParameter(1, line.key).executeUpdate();
        em.detach(line);
        lines.remove(line.key);
    }

    void history(HistoryEntry entry) {
        history.add(entry);
    }

    void alert(Alert alert) {
        alerts.add(alert);
    }

    /**
     * Writes the poll: items and lines through Hibernate, then the history entries and the alerts
     * (their rows name the items), and lets go of the poll's entities. The alerts are written under
     * the feed's lock, taken in {@link #load}.
     */
    void write() {
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            if (!history.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO item_history (item_id, at, actor, actor_name, kind, detail)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb)""")) {
                    for (HistoryEntry entry : history) {
                        insert.setObject(1, entry.itemId);
                        insert.setTimestamp(2, Timestamp.from(entry.at));
                        insert.setString(3, entry.actor);
                        insert.setString(4, entry.actorName);
                        insert.setString(5, entry.kind);
                        insert.setString(6, json(entry.detail));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            if (!alerts.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO alert (item_id, division, severity, kind, title_zh, title_en, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                    for (Alert alert : alerts) {
                        insert.setObject(1, alert.itemId);
                        insert.setString(2, alert.division);
                        insert.setString(3, alert.severity);
                        insert.setString(4, alert.kind);
                        insert.setString(5, alert.titleZh);
                        insert.setString(6, alert.titleEn);
                        insert.setTimestamp(7, Timestamp.from(alert.createdAt));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
        });
        em.clear();
    }

    private String json(Map<String, Object> detail) {
        try {
            return json.writeValueAsString(detail == null ? Map.of() : detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history detail cannot be written as JSON", e);
        }
    }
}
