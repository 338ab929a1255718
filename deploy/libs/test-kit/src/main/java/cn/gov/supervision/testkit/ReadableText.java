package cn.gov.supervision.testkit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person reads of a mail, a page or a message, and the words in it that are not Chinese: for tests that scan
 * what was really produced (not the templates) for English left in text meant for people.
 * <p>
 * Precisely: of HTML, the text between tags (style and script blocks, tags and their attributes removed, entities
 * decoded); then addresses ({@code http(s)://…}, {@code mailto:…}, e-mail addresses) and UUIDs are removed, since
 * people click or copy them rather than read them, and so are the data texts given (task titles, codes, unit names as
 * the plan wrote them: the product does not choose their words). Every run of Latin letters left is reported.
 */
public final class ReadableText {

    private static final Pattern BLOCKS = Pattern.compile("(?is)<(style|script)\\b.*?</\\1>|<!--.*?-->");
    private static final Pattern TAGS = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern ADDRESSES = Pattern.compile(
            "(?i)\\b(?:https?://|mailto:)\\S+|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern UUIDS = Pattern.compile(
            "(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]+");

    private ReadableText() {
    }

    /** The text of an HTML document or fragment as a person reads it. */
    public static String ofHtml(String html) {
        String text = TAGS.matcher(BLOCKS.matcher(html).replaceAll(" ")).replaceAll(" ");
        return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&#x27;", "'").replace("&amp;", "&");
    }

    /** The runs of Latin letters in {@code text} once addresses, UUIDs and {@code dataTexts} are taken out. */
    public static List<String> latinWords(String text, Collection<String> dataTexts) {
        String rest = UUIDS.matcher(ADDRESSES.matcher(text).replaceAll(" ")).replaceAll(" ");
        // longest first, so that a title containing a shorter data text is taken out whole
        List<String> data = dataTexts.stream().filter(t -> t != null && !t.isBlank())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String datum : data) {
            rest = rest.replace(datum, " ");
        }
        List<String> words = new ArrayList<>();
        Matcher latin = LATIN.matcher(rest);
        while (latin.find()) {
            int from = Math.max(0, latin.start() - 20);
            int to = Math.min(rest.length(), latin.end() + 20);
            words.add(latin.group() + " in «" + rest.substring(from, to).replaceAll("\\s+", " ").trim() + "»");
        }
        return words;
    }
}
