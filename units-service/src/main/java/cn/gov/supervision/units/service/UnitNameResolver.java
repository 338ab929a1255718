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
import org.hibernate.FlushMode;
import org.hibernate.Session;

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
    private final String city;

    public UnitNameResolver(UnitNameRepository names, UnitRepository units, ReferenceSets sets) {
        this.names = names;
        this.units = units;
        this.city = sets.city().orElse(null);
    }

    /**
     * Every name's answer, from two statements for the whole batch (the registered names under all their lookup keys,
     * then those names' units) rather than two per key tried: an imported plan sends some thirty names, and asking
     * for each key by itself was most of a dry-run import's time.
     */
    @Transactional
    public List<Resolution> resolveAll(List<String> inputs) {
        // only reads: no snapshots of the loaded units, no dirty check of them at commit
        Session session = names.getEntityManager().unwrap(Session.class);
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
        Registered registered = registered(inputs);
        return inputs.stream().map(input -> resolve(input, registered)).toList();
    }

    Resolution resolve(String input) {
        return resolve(input, registered(List.of(input)));
    }

    /** The registered names under every key the inputs may be looked up by, and their units in code order. */
    private record Registered(Map<String, List<UnitName>> byKey, List<Unit> unitsByCode) {
    }

    private Registered registered(List<String> inputs) {
        Set<String> keys = new LinkedHashSet<>();
        for (String input : inputs) {
            WrittenUnitName written = WrittenUnitName.parse(input);
            List<String> looked = new java.util.ArrayList<>();
            if (!written.bracketedNames().isEmpty()) {
                looked.add(written.asWritten());
            }
            looked.add(written.name());
            looked.addAll(written.bracketedNames());
            looked.forEach(name -> keys.addAll(WrittenUnitName.lookupKeys(name, city)));
        }
        Map<String, List<UnitName>> byKey = new HashMap<>();
        Set<UUID> ids = new LinkedHashSet<>();
        if (!keys.isEmpty()) {
            for (UnitName row : names.findByMatchKeys(keys)) {
                byKey.computeIfAbsent(row.matchKey, k -> new java.util.ArrayList<>()).add(row);
                ids.add(row.unitId);
            }
        }
        return new Registered(byKey, units.findByIds(ids));
    }

    private Resolution resolve(String input, Registered registered) {
        WrittenUnitName written = WrittenUnitName.parse(input);
        if (!written.bracketedNames().isEmpty()) {
            // a unit registered under the name with its bracket (各县(市、区)政府) is that unit, whatever the bracket says
            List<Unit> whole = lookup(written.asWritten(), registered);
            if (whole.size() == 1) {
                return resolved(input, whole.get(0));
            }
        }
        List<Unit> byName = lookup(written.name(), registered);
        Set<Unit> byBracket = new LinkedHashSet<>();
        for (String bracketed : written.bracketedNames()) {
            byBracket.addAll(lookup(bracketed, registered));
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
    private List<Unit> lookup(String name, Registered registered) {
        for (String key : WrittenUnitName.lookupKeys(name, city)) {
            List<UnitName> rows = registered.byKey().getOrDefault(key, List.of());
            if (rows.isEmpty()) {
                continue;
            }
            boolean anyActive = rows.stream().anyMatch(r -> r.active);
            Set<UUID> ids = new LinkedHashSet<>();
            rows.stream().filter(r -> r.active || !anyActive).forEach(r -> ids.add(r.unitId));
            // in code order, as the database sorted them
            return registered.unitsByCode().stream().filter(u -> ids.contains(u.id)).toList();
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
