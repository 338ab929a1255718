package cn.gov.supervision.notifications.api;

import java.util.List;
import java.util.UUID;

/** Who would be told what on a day, and why. */
public record PreviewEntry(UnitRef unit, List<String> recipients, List<DigestItem> items) {

    public record UnitRef(UUID id, String name) {
    }
}
