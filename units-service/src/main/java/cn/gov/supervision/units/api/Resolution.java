package cn.gov.supervision.units.api;

import java.util.List;

/** How one written name was understood: the unit it denotes, or the closest candidates when it denotes none or several. */
public record Resolution(String input, Status status, UnitView unit, List<UnitView> candidates) {

    public enum Status {
        RESOLVED,
        AMBIGUOUS,
        UNRESOLVED
    }
}
