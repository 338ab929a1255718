package cn.gov.supervision.kit.web;

import cn.gov.supervision.kit.problem.ProblemException;

/**
 * Optimistic concurrency over HTTP: an entity's version is its ETag, and updates name the version they were based
 * on in If-Match. A missing If-Match on an update is refused (428) so that no client overwrites blindly.
 */
public final class EntityTags {

    private EntityTags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names; {@code W/"3"}, {@code "3"} and {@code 3} are all accepted. */
    public static long requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired(
                    "This update needs an If-Match header with the ETag of the version it is based on");
        }
        return parse(ifMatch);
    }

    /** Like {@link #requiredVersion} but for updates where If-Match is optional; null when absent. */
    public static Long optionalVersion(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : parse(ifMatch);
    }

    private static long parse(String ifMatch) {
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-if-match", "If-Match must be an ETag such as \"3\"");
        }
    }

    /** Refuses a change based on another version than the current one. */
    public static void checkVersion(Long expected, long current, String what) {
        if (expected != null && expected != current) {
            throw ProblemException.preconditionFailed(what + " was modified: current version is " + current
                    + ", the request was based on " + expected + "; fetch it again and retry");
        }
    }
}
