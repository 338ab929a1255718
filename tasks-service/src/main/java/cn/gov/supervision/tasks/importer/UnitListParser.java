package cn.gov.supervision.tasks.importer;

import cn.gov.supervision.kit.text.Brackets;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.gov.supervision.tasks.importer.ImportVocabulary.UnitRole;

/**
 * Reads unit lists such as {@code 牵头单位:市发展改革委、市建设局,市委改革办﹝市政务办﹞;责任单位:市财政局}.
 * Names are separated by 、 , ， ; ；. Brackets (any of {@link Brackets}) are kept on a name when they give an alias
 * (市委改革办﹝市政务办﹞: the unit resolver understands them) and dropped when they hold a note (﹝含南太湖新区管委会,下同﹞). A rule written
 * among the names, 以下责任单位均包含X, is not a unit: it makes X co-responsible for later clauses.
 */
final class UnitListParser {

    /** The document's rule that the first name of a 责任单位 list leads and the others are co-responsible. */
    private final boolean firstListedLeads;

    UnitListParser() {
        this(false);
    }

    UnitListParser(boolean firstListedLeads) {
        this.firstListedLeads = firstListedLeads;
    }

    private static final String SEPARATORS = "、,，;；。";

    /** A rule's wording before 均 fits in this: 以下责任单位均包含, 具体任务均涉及. */
    private static final int LONGEST_RULE_WORDING = 14;

    /** A unit list without a label is a line or two: (市交通委负责落实); a longer bracket is prose. */
    private static final int LONGEST_UNLABELLED_NOTE = 300;

    private record Label(UnitRole role, int end) {
    }

    /** Whether readable text opens with a unit label and its colon, as a lead-unit note does. */
    static boolean opensWithLabel(String readable) {
        return label(readable) != null;
    }

    /**
     * Whether readable text is a unit list without a label, as a bracket closing a clause writes it: (市交通委负责落实),
     * (A、B牵头,C等配合). Every name must look like a unit's, so that a remark in brackets that happens to end in 负责
     * is not taken for one.
     */
    boolean isUnlabelledList(String readable) {
        String text = withoutClosingStop(readable.strip());
        if (text.isEmpty() || text.length() > LONGEST_UNLABELLED_NOTE || tail(text) == null) {
            return false;
        }
        UnitList units = parse(List.of(text));
        List<String> names = new ArrayList<>(units.leads());
        names.addAll(units.cos());
        return !names.isEmpty() && names.stream().allMatch(ImportVocabulary::looksWhole);
    }

    /**
     * Units from the notes or cells given, read together: a 牵头单位 in one makes a 责任单位 in another co-responsible.
     * Names before any label take the role of the words that follow them (A、B分别负责落实, A牵头,B配合); else they
     * are leads.
     */
    UnitList parse(List<String> sources) {
        List<UnitRole> roles = new ArrayList<>();
        List<String> names = new ArrayList<>();
        boolean leadLabelled = false;
        boolean ruleIncludesThis = false;
        for (String source : sources) {
            UnitRole labelRole = null;
            boolean inRule = false;
            int pendingFrom = names.size();
            for (String piece : pieces(TextForms.readable(source))) {
                String rest = piece.strip();
                Label label = label(rest);
                if (label != null) {
                    labelRole = label.role();
                    inRule = false;
                    leadLabelled |= labelRole == UnitRole.LEAD;
                    rest = rest.substring(label.end()).strip();
                    pendingFrom = names.size();
                }
                int ruleEnd = ruleWordingEnd(rest);
                if (ruleEnd > 0) {
                    ruleIncludesThis |= !rest.startsWith("以下");
                    inRule = true;
                    rest = rest.substring(ruleEnd);
                }
                rest = withoutNotes(rest).strip();
                if (ImportVocabulary.NOT_UNITS.stream().anyMatch(rest::contains)) {
                    continue;
                }
                String named = rest;
                // 各项目牵头单位: the units of other clauses, with no unit of its own to resolve or create
                if (ImportVocabulary.ROLE_REFERENCES.stream().anyMatch(named::endsWith)) {
                    continue;
                }
                Map.Entry<String, UnitRole> tail = tail(rest);
                if (tail != null) {
                    rest = rest.substring(0, rest.length() - tail.getKey().length());
                }
                for (String name : joinedNames(withoutNameTail(TextForms.unitName(rest.strip())))) {
                    roles.add(inRule ? UnitRole.LATER_CLAUSES : labelRole);
                    names.add(name);
                }
                if (tail != null && !inRule) {
                    // The words after the names give the role of every name since the last label or words.
                    // Under a 责任单位 label, 分别牵头 makes each a lead; 按职责分工负责 leaves them responsible.
                    for (int i = pendingFrom; i < names.size(); i++) {
                        if (roles.get(i) == null
                                || (roles.get(i) == UnitRole.RESPONSIBLE && tail.getValue() == UnitRole.LEAD)) {
                            roles.set(i, tail.getValue());
                            leadLabelled |= tail.getValue() == UnitRole.LEAD;
                        }
                    }
                    pendingFrom = names.size();
                }
            }
        }
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i) == null) {
                roles.set(i, UnitRole.LEAD);
            }
        }
        if (firstListedLeads && !leadLabelled) {
            int first = roles.indexOf(UnitRole.RESPONSIBLE);
            if (first >= 0) {
                roles.set(first, UnitRole.LEAD);
                leadLabelled = true;
            }
        }
        return resolve(roles, names, leadLabelled, ruleIncludesThis);
    }

    private static UnitList resolve(List<UnitRole> roles, List<String> names, boolean leadLabelled,
                                    boolean ruleIncludesThis) {
        Set<String> leads = new LinkedHashSet<>();
        Set<String> cos = new LinkedHashSet<>();
        Set<String> later = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            switch (roles.get(i)) {
                case LEAD -> leads.add(names.get(i));
                case RESPONSIBLE -> (leadLabelled ? cos : leads).add(names.get(i));
                case CO -> cos.add(names.get(i));
                case LATER_CLAUSES -> later.add(names.get(i));
            }
        }
        cos.removeAll(leads);
        return new UnitList(List.copyOf(leads), List.copyOf(cos), List.copyOf(later),
                ruleIncludesThis && !later.isEmpty());
    }

    private static Label label(String piece) {
        for (Map.Entry<String, UnitRole> entry : ImportVocabulary.UNIT_LABELS.entrySet()) {
            if (piece.startsWith(entry.getKey())) {
                int end = skipSpaces(piece, entry.getKey().length());
                if (end < piece.length() && (piece.charAt(end) == ':' || piece.charAt(end) == '：')) {
                    return new Label(entry.getValue(), end + 1);
                }
            }
        }
        return null;
    }

    /** The words closing a piece that say the role of the names before them (负责落实, 牵头, 等配合), or null. */
    private static Map.Entry<String, UnitRole> tail(String piece) {
        for (Map.Entry<String, UnitRole> tail : ImportVocabulary.UNIT_TAILS) {
            if (piece.endsWith(tail.getKey())) {
                return tail;
            }
        }
        return null;
    }

    /** 市发改委等市有关单位 → 市发改委: what follows 等 only says there are more. */
    private static String withoutNameTail(String name) {
        int etc = name.lastIndexOf('等');
        if (etc > 0) {
            String after = name.substring(etc + 1);
            if (after.isEmpty() || after.endsWith("单位") || after.endsWith("部门") || after.endsWith("机构")) {
                return name.substring(0, etc);
            }
        }
        return name;
    }

    /** 市级各有关部门及各县市区政府: two units joined by 及 or 和, when both sides look like units. */
    private static List<String> joinedNames(String name) {
        if (!TextForms.hasContent(name)) {
            return List.of();
        }
        for (String joiner : List.of("及", "和", "与")) {
            int at = name.indexOf(joiner);
            if (at > 0 && at < name.length() - 1) {
                String left = name.substring(0, at);
                String right = name.substring(at + 1);
                if (ImportVocabulary.looksWhole(left) && ImportVocabulary.looksWhole(right)) {
                    List<String> both = new ArrayList<>(List.of(left));
                    both.addAll(joinedNames(right));
                    return both;
                }
            }
        }
        return List.of(name);
    }

    private static String withoutClosingStop(String text) {
        int end = text.length();
        while (end > 0 && "。.;；".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(0, end);
    }

    /**
     * Where the wording of a rule ends (以下责任单位均包含 · 具体任务均涉及 · 以下各项均需), or 0 when the piece is not a rule:
     * a few words, 均, and one of {@link ImportVocabulary#RULE_VERBS}, or any 以下…均.
     */
    private static int ruleWordingEnd(String piece) {
        int all = piece.indexOf('均');
        if (all < 0 || all > LONGEST_RULE_WORDING) {
            return 0;
        }
        for (String verb : ImportVocabulary.RULE_VERBS) {
            if (piece.startsWith(verb, all + 1)) {
                return all + 1 + verb.length();
            }
        }
        return piece.startsWith("以下") ? all + 1 : 0;
    }

    /** The pieces between separators that stand outside brackets: 含…,下同 inside ﹝﹞ stays one piece. */
    private static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Brackets.opens(c)) {
                depth++;
            } else if (Brackets.closes(c) && depth > 0) {
                depth--;
            } else if (depth == 0 && SEPARATORS.indexOf(c) >= 0 && !sharesPlaceKind(text, start, i)) {
                pieces.add(text.substring(start, i));
                start = i + 1;
            }
        }
        pieces.add(text.substring(start));
        return pieces;
    }

    /**
     * Whether the 、 at {@code at} joins a kind of place to the 各 name before it (各区、县级市): the piece so far,
     * after any label, starts with 各 and the next piece is only one of {@link ImportVocabulary#SHARED_PLACE_KINDS}.
     */
    private static boolean sharesPlaceKind(String text, int start, int at) {
        if (text.charAt(at) != '、') {
            return false;
        }
        String before = text.substring(start, at);
        int colon = Math.max(before.lastIndexOf(':'), before.lastIndexOf('：'));
        if (!before.substring(colon + 1).strip().startsWith("各")) {
            return false;
        }
        int end = at + 1;
        int depth = 0;
        while (end < text.length() && (depth > 0 || SEPARATORS.indexOf(text.charAt(end)) < 0)) {
            char c = text.charAt(end);
            if (Brackets.opens(c)) {
                depth++;
            } else if (Brackets.closes(c) && depth > 0) {
                depth--;
            }
            end++;
        }
        return ImportVocabulary.SHARED_PLACE_KINDS.contains(text.substring(at + 1, end).strip());
    }

    /** The name without bracketed notes (含…, …下同); bracketed aliases stay. An unclosed bracket is kept as written. */
    private static String withoutNotes(String name) {
        int[] closeOf = matchingCloses(name);
        StringBuilder kept = new StringBuilder(name.length());
        int i = 0;
        while (i < name.length()) {
            int close = closeOf[i];
            if (close < 0) {
                kept.append(name.charAt(i));
                i++;
                continue;
            }
            if (!isNote(name.substring(i + 1, close).strip())) {
                kept.append(name, i, close + 1);
            }
            i = close + 1;
        }
        return kept.toString();
    }

    private static boolean isNote(String bracketed) {
        return bracketed.startsWith("含") || bracketed.startsWith("包含") || bracketed.startsWith("包括")
                || bracketed.contains("下同");
    }

    /** For each opening bracket, the index of the bracket that closes it; -1 elsewhere. One pass, whatever the text. */
    private static int[] matchingCloses(String text) {
        int[] closeOf = new int[text.length()];
        int[] open = new int[text.length()];
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            closeOf[i] = -1;
            char c = text.charAt(i);
            if (Brackets.opens(c)) {
                open[depth++] = i;
            } else if (Brackets.closes(c) && depth > 0) {
                closeOf[open[--depth]] = i;
            }
        }
        return closeOf;
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
