package cn.gov.supervision.manifests;

import java.util.List;

/** One check over the whole rendering (most rules need to see several objects at once). */
interface Rule {

    List<Finding> check(RenderedManifests manifests);
}
