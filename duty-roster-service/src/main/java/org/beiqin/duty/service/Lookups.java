package org.beiqin.duty.service;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.beiqin.duty.Member;
import org.beiqin.duty.Shift;

/**
 * What a list's views name besides their own rows — the member standing a shift, the shift a spot
 * check went to — read in one query per kind for the whole list, never one per row.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Lookups {

    public Map<UUID, Member> members(Collection<UUID> ids) {
        List<UUID> wanted = distinct(ids);
        return wanted.isEmpty() ? Map.of()
                : Member.<Member>list("id in ?1", wanted).stream().collect(Collectors.toMap(m -> m.id, m -> m));
    }

    public Map<UUID, Shift> shifts(Collection<UUID> ids) {
        List<UUID> wanted = distinct(ids);
        return wanted.isEmpty() ? Map.of()
                : Shift.<Shift>list("id in ?1", wanted).stream().collect(Collectors.toMap(s -> s.id, s -> s));
    }

    private static List<UUID> distinct(Collection<UUID> ids) {
        return ids.stream().filter(Objects::nonNull).distinct().toList();
    }
}
