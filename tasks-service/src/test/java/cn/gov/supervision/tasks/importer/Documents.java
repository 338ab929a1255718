package cn.gov.supervision.tasks.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test documents kept under src/test/resources/documents. */
final class Documents {

    private Documents() {
    }

    /** The Huzhou 2022 政务公开工作要点 exactly as found online: traditional, with converter pinyin. */
    static String huzhou() {
        return read("huzhou-2022-work-plan.txt");
    }

    private static String read(String name) {
        try (InputStream in = Documents.class.getResourceAsStream("/documents/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test document " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
