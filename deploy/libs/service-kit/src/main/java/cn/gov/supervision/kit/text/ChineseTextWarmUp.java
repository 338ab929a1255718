package cn.gov.supervision.kit.text;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Loads OpenCC's dictionaries while the service starts rather than inside the first request that needs them
 * (a first import or name resolution would otherwise take a second or two longer).
 */
@ApplicationScoped
public class ChineseTextWarmUp {

    void loadDictionaries(@Observes StartupEvent startup) {
        ChineseText.matchKey("湖州市發展改革委");
    }
}
