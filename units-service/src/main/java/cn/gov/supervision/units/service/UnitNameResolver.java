package cn.gov.supervision.units.service;

import cn.gov.supervision.kit.text.ChineseText;
import cn.gov.supervision.units.api.Resolution;
import cn.gov.supervision.units.api.UnitView;
import cn.gov.supervision.units.domain.Unit;
import cn.gov.supervision.units.domain.UnitName;
import cn.gov.supervision.units.repository.UnitNameRepository;
import cn.gov.supervision.units.repository.UnitRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns names as written in real documents into units: traditional characters, stray spaces, aliases in any kind of
 * bracket, full-width punctuation and short forms. Active units win over inactive ones that once had the same name.
 */
@ApplicationScoped
public class UnitNameResolver {

    private static final int MAX_CANDIDATES = 5;
    private static final double MIN_SIMILARITY = 0.25;

    private final UnitNameRepository names;
    private final UnitRepository units;

    public UnitNameResolver(UnitNameRepository names, UnitRepository units) {
        this.names = names;
        this.units = units;
    }

    @Transactional
    public List<Resolution> resolveAll(List<String> inputs) {
        return inputs.stream().map(this::resolve).toList();
    }

    Resolution resolve(String input) {
        WrittenUnitName written = WrittenUnitName.parse(input);
        List<Unit> byName = lookup(written.name());
        Set<Unit> byBracket = new LinkedHashSet<>();
        for (String bracketed : written.bracketedNames()) {
            byBracket.addAll(lookup(bracketed));
        }
        if (byName.size() == 1) {
            Unit unit = byName.get(0);
            boolean bracketAgrees = byBracket.isEmpty() || byBracket.stream().allMatch(u -> u.id.equals(unit.id));
            if (bracketAgrees) {
                return resolved(input, unit);
            }
            Set<Unit> both = new LinkedHashSet<>(byName);
            both.addAll(byBracket);
            return new Resolution(input, Resolution.Status.AMBIGUOUS, null, views(both));
        }
        if (byName.size() > 1) {
            return new Resolution(input, Resolution.Status.AMBIGUOUS, null, views(byName));
        }
        if (byBracket.size() == 1) {
            return resolved(input, byBracket.iterator().next());
        }
        if (byBracket.size() > 1) {
            return new Resolution(input, Resolution.Status.AMBIGUOUS, null, views(byBracket));
        }
        return new Resolution(input, Resolution.Status.UNRESOLVED, null, closest(written.name()));
    }

    /** The units registered under the first lookup key that matches anything; active ones hide inactive ones. */
    private List<Unit> lookup(String name) {
        for (String key : WrittenUnitName.lookupKeys(name)) {
            List<UnitName> rows = names.findByMatchKey(key);
            if (rows.isEmpty()) {
                continue;
            }
            boolean anyActive = rows.stream().anyMatch(r -> r.active);
            Set<UUID> ids = new LinkedHashSet<>();
            rows.stream().filter(r -> r.active || !anyActive).forEach(r -> ids.add(r.unitId));
            return units.findByIds(ids);
        }
        return List.of();
    }

    private List<UnitView> closest(String name) {
        if (name.isEmpty()) {
            return List.of();
        }
        Set<String> wanted = bigrams(ChineseText.matchKey(name));
        Map<UUID, Double> best = new HashMap<>();
        for (UnitName row : names.listAll()) {
            double score = dice(wanted, bigrams(row.matchKey)) + (row.active ? 0.001 : 0);
            best.merge(row.unitId, score, Math::max);
        }
        Map<UUID, Double> ranked = new LinkedHashMap<>();
        best.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_SIMILARITY)
                .sorted(Map.Entry.<UUID, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_CANDIDATES)
                .forEach(e -> ranked.put(e.getKey(), e.getValue()));
        return units.findByIds(ranked.keySet()).stream()
                .sorted(Comparator.comparing((Unit u) -> ranked.get(u.id)).reversed())
                .map(UnitView::of)
                .toList();
    }

    private static Set<String> bigrams(String text) {
        Set<String> grams = new HashSet<>();
        if (text.length() == 1) {
            grams.add(text);
        }
        for (int i = 0; i + 1 < text.length(); i++) {
            grams.add(text.substring(i, i + 2));
        }
        return grams;
    }

    private static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long common = a.stream().filter(b::contains).count();
        return 2.0 * common / (a.size() + b.size());
    }

    private static Resolution resolved(String input, Unit unit) {
        return new Resolution(input, Resolution.Status.RESOLVED, UnitView.of(unit), List.of());
    }

    private static List<UnitView> views(Iterable<Unit> found) {
        Set<UUID> seen = new HashSet<>();
        List<UnitView> views = new java.util.ArrayList<>();
        for (Unit unit : found) {
            if (seen.add(unit.id)) {
                views.add(UnitView.of(unit));
            }
        }
        return views;
    }
}
