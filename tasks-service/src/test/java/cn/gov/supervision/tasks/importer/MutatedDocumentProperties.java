package cn.gov.supervision.tasks.importer;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Huzhou plan damaged at random: lines lost, repeated or swapped, characters changed, the text cut short. */
class MutatedDocumentProperties {

    private static final String HUZHOU = Documents.huzhou();
    private static final WorkPlanParser PARSER = new WorkPlanParser();

    /** What documents are made of, and what breaks their structure: brackets, pipes, separators, lost characters. */
    private static final char[] STRUCTURE = "()（）﹝﹞|、,，;；:：。\n\r?附件一二十牵头单位責任序号月底前全年區縣 1a\uFFFD\uD800"
            .toCharArray();

    @Property(tries = 200)
    void parsingNeverFailsAndEveryTaskIsWellFormed(@ForAll("mutatedHuzhou") String document) {
        ParsedPlan plan = PARSER.parse(document, null);

        RobustnessTest.assertSound(plan);
        assertThat(plan.tasks()).allSatisfy(task -> {
            assertThat(task.deadline().text()).isNotNull();
            if (document.indexOf('\r') < 0) {
                assertThat(document).contains(task.originalText());
            }
        });
    }

    @Provide
    Arbitrary<String> mutatedHuzhou() {
        return mutation().list().ofMinSize(1).ofMaxSize(12).map(mutations -> {
            String document = HUZHOU;
            for (Mutation mutation : mutations) {
                document = mutation.applyTo(document);
            }
            return document;
        });
    }

    private static Arbitrary<Mutation> mutation() {
        Arbitrary<Integer> anywhere = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        Arbitrary<Character> character = Arbitraries.oneOf(Arbitraries.of(box(STRUCTURE)), Arbitraries.chars());
        Arbitrary<String> characters = character.list().ofMinSize(1).ofMaxSize(20)
                .map(chars -> chars.stream().map(String::valueOf).reduce("", String::concat));
        return Arbitraries.oneOf(
                anywhere.map(DeleteLine::new),
                anywhere.map(DuplicateLine::new),
                Combinators.combine(anywhere, anywhere).as(SwapLines::new),
                Combinators.combine(anywhere, characters).as(Insert::new),
                Combinators.combine(anywhere, character).as(Replace::new),
                anywhere.map(Truncate::new));
    }

    private static Character[] box(char[] chars) {
        Character[] boxed = new Character[chars.length];
        for (int i = 0; i < chars.length; i++) {
            boxed[i] = chars[i];
        }
        return boxed;
    }

    /** One change to a document; positions wrap around its length, so any integer names a place. */
    interface Mutation {
        String applyTo(String document);
    }

    record DeleteLine(int at) implements Mutation {
        public String applyTo(String document) {
            List<String> lines = lines(document);
            if (!lines.isEmpty()) {
                lines.remove(at % lines.size());
            }
            return String.join("\n", lines);
        }
    }

    record DuplicateLine(int at) implements Mutation {
        public String applyTo(String document) {
            List<String> lines = lines(document);
            if (!lines.isEmpty()) {
                int line = at % lines.size();
                lines.add(line, lines.get(line));
            }
            return String.join("\n", lines);
        }
    }

    record SwapLines(int first, int second) implements Mutation {
        public String applyTo(String document) {
            List<String> lines = lines(document);
            if (!lines.isEmpty()) {
                Collections.swap(lines, first % lines.size(), second % lines.size());
            }
            return String.join("\n", lines);
        }
    }

    record Insert(int at, String text) implements Mutation {
        public String applyTo(String document) {
            int position = at % (document.length() + 1);
            return document.substring(0, position) + text + document.substring(position);
        }
    }

    record Replace(int at, char character) implements Mutation {
        public String applyTo(String document) {
            if (document.isEmpty()) {
                return document;
            }
            int position = at % document.length();
            return document.substring(0, position) + character + document.substring(position + 1);
        }
    }

    record Truncate(int at) implements Mutation {
        public String applyTo(String document) {
            return document.substring(0, at % (document.length() + 1));
        }
    }

    private static List<String> lines(String document) {
        return new ArrayList<>(Arrays.asList(document.split("\n", -1)));
    }
}
