package cn.gov.supervision.units.service;

import cn.gov.supervision.kit.problem.ProblemException;
import cn.gov.supervision.kit.text.ChineseText;
import cn.gov.supervision.units.domain.Unit;
import cn.gov.supervision.units.domain.UnitName;
import cn.gov.supervision.units.repository.UnitNameRepository;
import cn.gov.supervision.units.repository.UnitRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps unit_name in step with a unit's names, and refuses a name that another active unit already answers to. */
@ApplicationScoped
public class UnitNameIndex {

    private final UnitNameRepository names;
    private final UnitRepository units;

    public UnitNameIndex(UnitNameRepository names, UnitRepository units) {
        this.names = names;
        this.units = units;
    }

    /** Name → match key for all of a unit's names; the official name wins when an alias has the same key. */
    static Map<String, String> keysOf(Unit unit) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String name : unit.allNames()) {
            keys.putIfAbsent(ChineseText.matchKey(name), name);
        }
        return keys;
    }

    /** 409 naming the clashing unit when an active unit other than {@code unit} has one of its names. */
    public void checkAvailable(Unit unit) {
        if (!unit.active) {
            return;
        }
        Map<String, String> keys = keysOf(unit);
        List<UnitName> clashes = names.findActiveClashes(keys.keySet(), unit.id);
        if (!clashes.isEmpty()) {
            UnitName clash = clashes.get(0);
            Unit other = units.findById(clash.unitId);
            throw ProblemException.conflict("name-taken", "The name '" + keys.get(clash.matchKey)
                    + "' is already used by unit " + (other == null ? clash.unitId : other.code + " (" + other.name + ")"));
        }
    }

    /** Those of {@code names} that an active unit already answers to. */
    public List<String> namesInUse(List<String> names) {
        Map<String, String> keys = new LinkedHashMap<>();
        names.forEach(name -> keys.putIfAbsent(ChineseText.matchKey(ChineseText.clean(name)), name));
        return this.names.findActive(keys.keySet()).stream().map(clash -> keys.get(clash.matchKey))
                .distinct().toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reindex(Unit unit) {
        names.deleteForUnit(unit.id);
        names.flush();
        keysOf(unit).forEach((key, name) -> {
            UnitName row = new UnitName();
            row.unitId = unit.id;
            row.matchKey = key;
            row.name = name;
            row.alias = !name.equals(unit.name);
            row.active = unit.active;
            names.persist(row);
        });
        names.flush();
    }
}
