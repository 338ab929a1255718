package cn.gov.supervision.units.service;

import cn.gov.supervision.units.domain.GroupMembership;
import cn.gov.supervision.units.domain.UnitKind;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.UUID;

/**
 * A city's reference units as a file holds them (see {@code reference-units/huzhou.json}): the city's name, and its
 * units with their aliases; a group lists its members by code ({@code FIXED}) or names a kind ({@code ALL_OF_KIND}).
 * {@code id} is optional: the built-in set fixes its ids so that every environment agrees on them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferenceSet(String city, List<Entry> units) {

    static final ReferenceSet EMPTY = new ReferenceSet(null, List.of());

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(UUID id, String code, String name, UnitKind kind, List<String> aliases, GroupMembership membership,
                 UnitKind memberKind, List<String> members) {

        List<String> aliasList() {
            return aliases == null ? List.of() : aliases;
        }

        /** The official name first, then the aliases. */
        List<String> names() {
            List<String> all = new java.util.ArrayList<>();
            all.add(name);
            all.addAll(aliasList());
            return all;
        }

        List<String> memberCodes() {
            return members == null ? List.of() : members;
        }
    }
}
