package cn.gov.supervision.tasks.importer;

import cn.gov.supervision.kit.text.Brackets;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads unit lists such as {@code 牵头单位:市发展改革委、市建设局,市委改革办﹝市政务办﹞;责任单位:市财政局}.
 * Names are separated by 、 , ， ; ；. Brackets (any of {@link Brackets}) are kept on a name when they give an alias
 * (市委改革办﹝市政务办﹞: the unit resolver understands them) and dropped when they hold a note (﹝含南太湖新区管委会,下同﹞). A rule written
 * among the names, 以下责任单位均包含X, is not a unit: it makes X co-responsible for later clauses.
 */
final class UnitListParser {

    private enum Role { LEAD, RESPONSIBLE, CO, LATER_CLAUSES }

    /** 责任单位 names the leads when nothing else does, and the co-responsible units beside a 牵头单位. */
    private static final Map<String, Role> LABELS = Map.of(
            "牵头单位", Role.LEAD, "牵头部门", Role.LEAD, "牵头科室", Role.LEAD,
            "责任单位", Role.RESPONSIBLE, "责任部门", Role.RESPONSIBLE, "责任科室", Role.RESPONSIBLE,
            "配合单位", Role.CO, "配合部门", Role.CO, "协办单位", Role.CO, "参与单位", Role.CO);

    private static final String SEPARATORS = "、,，;；";

    /** A rule's wording before its first unit fits in this: 以下责任单位均包含, 以下各项牵头单位均含. */
    private static final int LONGEST_RULE_WORDING = 14;

    private record Label(Role role, int end) {
    }

    /** Whether readable text opens with a unit label and its colon, as a lead-unit note does. */
    static boolean opensWithLabel(String readable) {
        return label(readable) != null;
    }

    /**
     * Units from the notes or cells given, read together: a 牵头单位 in one makes a 责任单位 in another co-responsible.
     * Names before any label are leads.
     */
    UnitList parse(List<String> sources) {
        List<Role> roles = new ArrayList<>();
        List<String> names = new ArrayList<>();
        boolean leadLabelled = false;
        for (String source : sources) {
            Role role = Role.LEAD;
            for (String piece : pieces(TextForms.readable(source))) {
                String rest = piece;
                Label label = label(rest);
                if (label != null) {
                    role = label.role();
                    leadLabelled |= role == Role.LEAD;
                    rest = rest.substring(label.end());
                }
                int ruleEnd = ruleWordingEnd(rest);
                if (ruleEnd > 0) {
                    role = Role.LATER_CLAUSES;
                    rest = rest.substring(ruleEnd);
                }
                String name = TextForms.unitName(withoutNotes(rest).strip());
                if (TextForms.hasContent(name)) {
                    roles.add(role);
                    names.add(name);
                }
            }
        }
        return resolve(roles, names, leadLabelled);
    }

    private static UnitList resolve(List<Role> roles, List<String> names, boolean leadLabelled) {
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
        return new UnitList(List.copyOf(leads), List.copyOf(cos), List.copyOf(later));
    }

    private static Label label(String piece) {
        for (Map.Entry<String, Role> entry : LABELS.entrySet()) {
            if (piece.startsWith(entry.getKey())) {
                int end = skipSpaces(piece, entry.getKey().length());
                if (end < piece.length() && (piece.charAt(end) == ':' || piece.charAt(end) == '：')) {
                    return new Label(entry.getValue(), end + 1);
                }
            }
        }
        return null;
    }

    /** Where the wording of a rule such as 以下责任单位均包含 ends, or 0 when the piece is not a rule. */
    private static int ruleWordingEnd(String piece) {
        if (!piece.startsWith("以下")) {
            return 0;
        }
        int all = piece.indexOf('均');
        if (all < 0 || all > LONGEST_RULE_WORDING) {
            return 0;
        }
        for (String verb : List.of("包含", "包括", "含", "为")) {
            if (piece.startsWith(verb, all + 1)) {
                return all + 1 + verb.length();
            }
        }
        return all + 1;
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
            } else if (depth == 0 && SEPARATORS.indexOf(c) >= 0) {
                pieces.add(text.substring(start, i));
                start = i + 1;
            }
        }
        pieces.add(text.substring(start));
        return pieces;
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
