package org.beiqin.rectification.service;

import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.beiqin.commons.problem.ProblemException;
import org.beiqin.commons.security.Caller;
import org.beiqin.commons.security.Divisions;
import org.beiqin.rectification.Division;

/**
 * The division registry: names of divisions (荥阳市, 乔楼镇, 沈洼村…) kept in the database and edited
 * by a county administrator. A code the registry does not know is named "未登记区划 410182199" in
 * notices and exports, and listed for the administrator as a data error — never shown as a bare code.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DivisionNames {

    /** How a code without a registry entry is named where a name must be printed. */
    public static final String UNREGISTERED = "未登记区划 ";

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    public record Entry(String code, String name, String parent, int level, int version) {
        static Entry of(Division d) {
            return new Entry(d.code, d.name, d.parent, (d.code.length() - 6) / 3, d.version);
        }
    }

    public String name(String code) {
        if (code == null) {
            return null;
        }
        Division d = em.find(Division.class, code);
        return d == null ? UNREGISTERED + code : d.name;
    }

    private static final Pattern CODE_IN_TEXT =
            Pattern.compile("(?<![0-9])([0-9]{6}(?:[0-9]{3}){0,2})(?![0-9])");

    /**
     * A finding's text with the division codes it carries ("410182102 自 2025-06-01 以来…") replaced by
     * their registered names ("乔楼镇 自…"); codes the registry does not know stay as written. Each
     * code is looked up by id, so a page of items reads each division once (the session keeps it)
     * instead of querying the registry per text.
     */
    public String named(String text) {
        if (text == null) {
            return null;
        }
        return CODE_IN_TEXT.matcher(text).replaceAll(r -> {
            Division d = em.find(Division.class, r.group(1));
            return Matcher.quoteReplacement(d == null ? r.group(1) : d.name);
        });
    }

    /** The registry under one county (or the whole of it for a county code), by code. */
    public List<Entry> under(String county) {
        return Division.<Division>list("code like ?1 order by code", county + "%").stream().map(Entry::of).toList();
    }

    /** Codes the ledger uses inside the caller's county that the registry does not name. */
    @SuppressWarnings("unchecked")
    public List<String> unnamed(String county) {
        return em.createNativeQuery("""
                SELECT DISTINCT i.division FROM rectification_item i
                WHERE i.division LIKE :county AND NOT EXISTS (SELECT 1 FROM division d WHERE d.code = i.division)
                ORDER BY 1""").setParameter("county", county + "%").getResultList();
    }

    /**
     * Names (or renames) a division of the administrator's own county. Its parent — the code less
     * its last three digits — must already be registered, so the tree has no holes.
     */
    @Transactional
    public Entry put(String code, String name, Integer version) {
        if (!Divisions.isValid(code)) {
            throw ProblemException.invalid(List.of(new ProblemException.FieldError("code", "division-code-invalid")));
        }
        if (!Divisions.isCounty(caller.division()) || !caller.covers(code)) {
            throw new ProblemException(403, "division-forbidden", code, caller.division());
        }
        String parent = code.length() == 6 ? null : code.substring(0, code.length() - 3);
        if (parent != null && em.find(Division.class, parent) == null) {
            throw ProblemException.invalid(List.of(new ProblemException.FieldError("code", "division-parent-missing")));
        }
        String cleaned = name == null ? "" : name.strip();
        if (cleaned.isEmpty()) {
            throw ProblemException.invalid(List.of(new ProblemException.FieldError("name", "constraint.NotBlank")));
        }
        Division d = em.find(Division.class, code, LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            d = new Division();
            d.code = code;
            d.parent = parent;
        } else if (version == null) {
            throw ProblemException.conflict("division-exists", d.name);
        } else {
            ProblemException.requireVersion(version, d.version);
        }
        d.name = cleaned;
        d.updatedAt = clock.instant();
        d.updatedBy = caller.subject();
        d.persist();
        try {
            em.flush();
        } catch (PersistenceException registeredMeanwhile) {
            // another administrator registered the same code a moment earlier: his name stands
            throw ProblemException.conflict("division-exists", cleaned);
        }
        return Entry.of(d);
    }
}
