package cn.gov.supervision.tasks.importer.files;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus's long PDF (an 8-page task table made by LibreOffice, see src/test/fixtures/make-long-table-pdf.py) read
 * as PDFBox meets it: the header row the word processor repeats on every page, the page header 第 N 页 共 8 页 and
 * footer — N —, and rows broken across pages must leave one table of 44 whole rows.
 */
class PdfPageBreakTest {

    @Test
    void aLongTableIsOneTableWithOneHeaderAndWholeRows() throws IOException {
        byte[] pdf;
        try (InputStream in = PdfPageBreakTest.class.getResourceAsStream(
                "/corpus/guangzhou-2012-talent-project-table.pdf")) {
            pdf = Objects.requireNonNull(in).readAllBytes();
        }
        List<String> lines = Arrays.asList(PdfReader.read(pdf, new FileLimits(50_000_000, 500, 200_000, 10_000_000))
                .split("\n"));

        assertThat(lines.stream().filter(line -> line.startsWith("序号 |"))).as("header rows").hasSize(1);
        assertThat(lines.stream().filter(line -> line.matches("\\d+ \\| .*"))).as("task rows").hasSize(44);
        assertThat(lines).as("page headers and footers").noneMatch(line -> line.contains("页") && line.contains("共"))
                .noneMatch(line -> line.strip().startsWith("—"));
        // item 7 is cut by the first page break: its rest is joined to it, not left as a row of its own
        assertThat(lines).anyMatch(line -> line.startsWith("7 | 专业技术人才知识更新项目 |")
                && line.contains("高级研修班和50场次知识更新名家讲座") && line.endsWith("| 市人力资源和社会保障局 | 各区、县级市 |"));
    }
}
