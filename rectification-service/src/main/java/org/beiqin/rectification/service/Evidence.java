package org.beiqin.rectification.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.beiqin.commons.files.FileTypes;
import org.beiqin.commons.problem.ProblemException;
import org.beiqin.commons.security.Caller;
import org.beiqin.rectification.HistoryEntry;
import org.beiqin.rectification.ItemEvidence;
import org.beiqin.rectification.RectificationItem;

/**
 * Evidence files of an item (佐证材料): JPEG, PNG or WebP photos and PDF documents of at most
 * {@link #MAX_BYTES}, whose first bytes must be the type they claim. Attached files are kept; a
 * second upload of the same bytes to the same item is the same attachment, not a copy.
 */
@ApplicationScoped
@Transactional
public class Evidence {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final List<String> TYPES = List.of("image/jpeg", "image/png", "image/webp", "application/pdf");

    public record Attachment(UUID id, String fileName, String contentType, int size, String uploadedBy, Instant uploadedAt) {
    }

    /** An attachment, and whether this upload made it (false: the same file was already there). */
    public record Attached(Attachment attachment, boolean created) {
    }

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    ItemQueries queries;

    @Inject
    Journal journal;

    public Attached attach(UUID itemId, String fileName, String contentType, byte[] content) {
        RectificationItem item = queries.get(itemId);
        String type = FileTypes.base(contentType);
        // control and format characters (a right-to-left override could make "gpj.exe" read as "exe.jpg") and
        // path separators become "_"
        String name = fileName == null ? "" : fileName.strip().replaceAll("[\\p{Cntrl}\\p{Cf}/\\\\]", "_");
        if (name.isEmpty() || name.length() > 200) {
            throw ProblemException.invalid(List.of(new ProblemException.FieldError("file", "evidence-name")));
        }
        if (content == null || content.length == 0) {
            throw ProblemException.unprocessable("evidence-empty");
        }
        if (content.length > MAX_BYTES) {
            throw new ProblemException(413, "evidence-too-large", MAX_BYTES / (1024 * 1024));
        }
        if (!TYPES.contains(type) || !FileTypes.matches(type, content)) {
            throw new ProblemException(415, "evidence-type", name);
        }
        String sha = sha256(content);
        Attachment same = em.createQuery("""
                SELECT new org.beiqin.rectification.service.Evidence$Attachment(e.id, e.fileName, e.contentType, e.size,
                    e.uploadedByName, e.uploadedAt)
                FROM ItemEvidence e WHERE e.itemId = :item AND e.sha256 = :sha""", Attachment.class)
                .setParameter("item", item.id).setParameter("sha", sha).getResultStream().findFirst().orElse(null);
        if (same != null) {
            return new Attached(same, false);
        }
        ItemEvidence e = new ItemEvidence();
        e.id = UUID.randomUUID();
        e.itemId = item.id;
        e.fileName = name;
        e.contentType = type;
        e.size = content.length;
        e.sha256 = sha;
        e.content = content;
        e.uploadedBy = caller.subject();
        e.uploadedByName = caller.name();
        e.uploadedAt = clock.instant();
        e.persist();
        try {
            em.flush();
        } catch (PersistenceException sameFileMeanwhile) {
            // the same file uploaded twice at once (a double tap): the first upload stands
            throw ProblemException.conflict("evidence-twice", name);
        }
        journal.record(item.id, caller.subject(), caller.name(), HistoryEntry.Kind.EVIDENCE_ADDED,
                Map.of("evidence", e.id.toString(), "fileName", name, "size", content.length));
        return new Attached(new Attachment(e.id, name, type, content.length, caller.name(), e.uploadedAt), true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Attachment> of(UUID itemId) {
        return em.createQuery("""
                SELECT new org.beiqin.rectification.service.Evidence$Attachment(e.id, e.fileName, e.contentType, e.size,
                    e.uploadedByName, e.uploadedAt)
                FROM ItemEvidence e WHERE e.itemId = :item ORDER BY e.uploadedAt, e.id""", Attachment.class)
                .setParameter("item", itemId).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ItemEvidence read(UUID itemId, UUID evidenceId) {
        RectificationItem item = queries.get(itemId);
        ItemEvidence e = ItemEvidence.findById(evidenceId);
        if (e == null || !e.itemId.equals(item.id)) {
            throw ProblemException.notFound("佐证材料", evidenceId);
        }
        return e;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
