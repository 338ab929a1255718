package cn.gov.supervision.units.service;

import cn.gov.supervision.kit.text.Brackets;
import cn.gov.supervision.kit.text.ChineseText;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A unit name as officials write it, taken apart: the name itself and what stands in brackets after it, which is
 * either another name of the same unit (市委改革办﹝市政务办﹞) or a note (各区县政府﹝含南太湖新区管委会,下同﹞).
 * Some names keep a bracket inside them (各县(市、区)政府): {@code asWritten} is the whole name, brackets and all.
 * Every kind of bracket real documents use counts ({@link Brackets}, the same set the importer in tasks-service reads).
 */
public record WrittenUnitName(String name, List<String> bracketedNames, String asWritten) {

    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{P}\\p{S}]+|[\\p{P}\\p{S}]+$");
    /** Bracketed notes qualify a name (含…, 下同, 包括…) rather than naming another unit. */
    private static final Pattern NOTE = Pattern.compile("^(含|包含|包括|不含|以下|下同).*|.*下同.*");

    public static WrittenUnitName parse(String written) {
        String plain = ChineseText.removePinyinAnnotations(written == null ? "" : written);
        String text = Normalizer.normalize(ChineseText.toSimplified(plain), Normalizer.Form.NFKC);
        StringBuilder outside = new StringBuilder();
        StringBuilder inside = new StringBuilder();
        List<String> bracketed = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Brackets.opens(c)) {
                depth++;
                continue;
            }
            if (Brackets.closes(c)) {
                if (depth > 0 && --depth == 0) {
                    addIfName(bracketed, inside.toString());
                    inside.setLength(0);
                }
                continue;
            }
            (depth == 0 ? outside : inside).append(c);
        }
        addIfName(bracketed, inside.toString()); // an unclosed bracket still holds a name
        return new WrittenUnitName(strip(outside.toString()), List.copyOf(bracketed), strip(text));
    }

    private static void addIfName(List<String> names, String candidate) {
        String name = strip(candidate);
        if (!name.isEmpty() && !NOTE.matcher(name).matches()) {
            names.add(name);
        }
    }

    private static String strip(String text) {
        String compact = ChineseText.matchKey(text);
        return EDGE_PUNCTUATION.matcher(compact).replaceAll("");
    }

    /**
     * The keys under which this name may be registered, most literal first: the name as written, then the usual short
     * and long forms (with city 湖州: 湖州市财政局 → 市财政局; and in any city: 发改委 → 市发改委, 吴兴区人民政府 →
     * 吴兴区政府, 吴兴区 → 吴兴区政府). Only the registry's own city is taken off a name, so that another city's
     * departments (杭州市财政局) never match this city's (市财政局).
     *
     * @param city the registry's city as documents write it (湖州), or null when the registry names none
     */
    public static Set<String> lookupKeys(String name, String city) {
        Set<String> keys = new LinkedHashSet<>();
        if (name.isEmpty()) {
            return keys;
        }
        keys.add(name);
        boolean namesTheCity = city != null && name.startsWith(city);
        if (namesTheCity && name.startsWith(city + "市")) {
            keys.add("市" + name.substring(city.length() + 1));
        } else if (namesTheCity) {
            keys.add(name.substring(city.length()));
        }
        if (name.endsWith("人民政府")) {
            keys.add(name.substring(0, name.length() - 4) + "政府");
        }
        if (name.endsWith("区") || name.endsWith("县")) {
            keys.add(name + "政府");
        }
        if (!name.startsWith("市") && !name.startsWith("各") && !namesTheCity
                && (name.endsWith("局") || name.endsWith("委") || name.endsWith("办") || name.endsWith("中心"))) {
            keys.add("市" + name);
        }
        return keys;
    }
}
