package cn.gov.supervision.tasks;

import cn.gov.supervision.testkit.TestTokens;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/**
 * Plans as published, HTML pages, .docx, .xlsx and text-based PDF, through the import endpoint: each file gives the
 * tasks, units and deadlines its text gives, and hostile or unreadable files are quick 4xx problems that change
 * nothing and leave no file behind. The fixtures under documents/published were made by LibreOffice from the real
 * texts (src/test/fixtures/make-published-files.py), not by the libraries the service reads them with.
 */
@QuarkusTest
class PublishedFileImportTest {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Far below what a hostile file would take unbounded; a sanity bound on each refusal, not a sleep. */
    private static final Duration QUICKLY = Duration.ofSeconds(60);

    private static HttpServer remote;
    private static final AtomicInteger remoteRequests = new AtomicInteger();

    @BeforeAll
    static void actAsAdminWithAServerNoFileMayReach() throws IOException {
        TestTokens.actAs(TestTokens.admin());
        remote = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        remote.createContext("/", exchange -> {
            remoteRequests.incrementAndGet();
            byte[] body = "外部实体的内容".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        remote.start();
    }

    @AfterAll
    static void stopServer() {
        remote.stop(0);
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = PublishedFileImportTest.class.getResourceAsStream("/documents/published/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static JsonPath dryRunBody(byte[] body, String mediaType) {
        return given().contentType(mediaType).body(body).queryParam("dryRun", true)
                .when().post("/api/v1/plans/import").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath dryRunUpload(byte[] body, String fileName, String mediaType) {
        return given().multiPart("file", fileName, body, mediaType).queryParam("dryRun", true)
                .when().post("/api/v1/plans/import").then().statusCode(200).extract().jsonPath();
    }

    /** What a task list says per task: code, category, lead and co-units as named, deadline as understood. */
    private static Map<String, String> tasks(JsonPath result) {
        Map<String, String> tasks = new LinkedHashMap<>();
        List<Map<String, Object>> items = result.getList("tasks");
        for (int i = 0; i < items.size(); i++) {
            String task = "tasks[" + i + "]";
            tasks.put(result.getString(task + ".code"), String.join(" / ", result.getString(task + ".category"),
                    String.valueOf(result.getList(task + ".leadUnits.name")),
                    String.valueOf(result.getList(task + ".coUnits.name")),
                    result.getString(task + ".deadline.kind"), result.getString(task + ".deadline.dueDate"),
                    result.getString(task + ".deadline.recurrence")));
        }
        return tasks;
    }

    @Test
    void theHuzhouPlanAsWebPageDocxAndPdfGivesTheTasksOfItsText() throws Exception {
        TaskFixtures.awaitReferenceUnits();
        JsonPath text = given().contentType("text/plain; charset=UTF-8")
                .body(PlanImportTest.huzhou().getBytes(StandardCharsets.UTF_8)).queryParam("dryRun", true)
                .when().post("/api/v1/plans/import").then().statusCode(200).extract().jsonPath();
        Map<String, String> expected = tasks(text);
        assertThat(expected).hasSize(60);

        Map<String, JsonPath> files = new LinkedHashMap<>();
        files.put("HTML body", dryRunBody(fixture("huzhou-2022-work-plan.html"), "text/html; charset=UTF-8"));
        files.put("docx body", dryRunBody(fixture("huzhou-2022-work-plan.docx"), DOCX));
        files.put("docx upload", dryRunUpload(fixture("huzhou-2022-work-plan.docx"), "安吉县.docx", DOCX));
        files.put("pdf body", dryRunBody(fixture("huzhou-2022-work-plan.pdf"), "application/pdf"));
        files.put("pdf upload, type not declared", dryRunUpload(fixture("huzhou-2022-work-plan.pdf"), "plan",
                "application/octet-stream"));
        for (var file : files.entrySet()) {
            JsonPath result = file.getValue();
            assertThat(tasks(result)).as(file.getKey()).containsExactlyEntriesOf(expected);
            assertThat(result.getString("plan.title")).as(file.getKey()).isEqualTo(text.getString("plan.title"));
            assertThat(result.getString("plan.documentIndex")).as(file.getKey()).isEqualTo("330523/2022-06006");
            assertThat(result.getString("plan.issuer")).as(file.getKey()).isEqualTo("安吉县人民政府");
            assertThat(result.getInt("summary.unresolvedUnits")).as(file.getKey()).isZero();
            assertThat(result.getList("diagnostics.severity")).as(file.getKey()).doesNotContain("ERROR");
        }
        // the fixtures merge equal lead units and deadlines of neighbouring rows: each row still has its own
        assertThat(tasks(files.get("docx body")).get("附件1-2")).contains("[市发展改革委]").contains("YEAR_ROUND");
        assertThat(tasks(files.get("pdf body")).get("附件1-21")).contains("[各区县政府]").contains("2022-12-31");
    }

    @Test
    void anXlsxTaskListGivesTheTasksOfTheSameListAsText() throws Exception {
        TaskFixtures.awaitReferenceUnits();
        Map<String, String> fromText = tasks(given().contentType("text/plain; charset=UTF-8")
                .body(PlanImportTest.huzhou().getBytes(StandardCharsets.UTF_8)).queryParam("dryRun", true)
                .when().post("/api/v1/plans/import").then().statusCode(200).extract().jsonPath());
        Map<String, String> attachment1 = fromText.entrySet().stream().filter(e -> e.getKey().startsWith("附件1-"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        assertThat(attachment1).hasSize(25);

        // a task list alone does not say which plan's year its deadlines are in: the caller does
        JsonPath sheet = given().contentType(XLSX).body(fixture("huzhou-2022-attachment1.xlsx"))
                .queryParam("dryRun", true).queryParam("year", 2022)
                .when().post("/api/v1/plans/import").then().statusCode(200).extract().jsonPath();
        assertThat(tasks(sheet)).containsExactlyEntriesOf(attachment1);
        JsonPath upload = given().multiPart("file", "附件1.xlsx", fixture("huzhou-2022-attachment1.xlsx"), XLSX)
                .queryParam("dryRun", true).queryParam("year", 2022)
                .when().post("/api/v1/plans/import").then().statusCode(200).extract().jsonPath();
        assertThat(tasks(upload)).containsExactlyEntriesOf(attachment1);
    }

    /**
     * A real task list (池州市信访局, https://xfj.chizhou.gov.cn/OpennessContent/show/1426818.html) whose 工作任务 cell
     * spans two rows: as .docx and as PDF, both rows get it. Imported for real, then the PDF of the same list is the
     * same document (409), and replaces it in place.
     */
    @Test
    void aTaskListWithAMergedCellImportsAlikeFromDocxAndPdf() throws Exception {
        TaskFixtures.awaitReferenceUnits();
        List<String> leads = List.of("办公室", "各科室", "各科室", "办公室", "各科室", "办公室", "各科室", "办公室");
        for (String name : List.of("chizhou-task-list.docx", "chizhou-task-list.pdf")) {
            JsonPath preview = given().multiPart("file", name, fixture(name), "application/octet-stream")
                    .queryParam("dryRun", true).queryParam("year", 2023)
                    .when().post("/api/v1/plans/import").then().statusCode(200).extract().jsonPath();
            assertThat(preview.getInt("summary.tasks")).as(name).isEqualTo(8);
            List<String> found = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                found.add(preview.getString("tasks[" + i + "].leadUnits[0].name"));
            }
            assertThat(found).as(name).isEqualTo(leads);
            assertThat(preview.getString("tasks[2].title")).as(name).isEqualTo("做好主动公开基础工作");
            assertThat(preview.getString("tasks[3].title")).as(name).isEqualTo("做好主动公开基础工作");
            assertThat(preview.getString("tasks[0].deadline.dueDate")).as(name).isEqualTo("2023-12-31");
        }

        long plans = TaskFixtures.count("SELECT count(*) FROM plan");
        var created = given().multiPart("file", "chizhou-task-list.docx", fixture("chizhou-task-list.docx"), DOCX)
                .queryParam("year", 2023).queryParam("createMissingUnits", true)
                .when().post("/api/v1/plans/import").then().statusCode(201).extract();
        String planId = created.path("plan.id");
        JsonPath stored = given().queryParam("planId", planId).queryParam("size", 50).queryParam("sort", "code")
                .when().get("/api/v1/tasks").then().statusCode(200).body("total", equalTo(8)).extract().jsonPath();
        assertThat(stored.getString("items.find { it.code == '表1-1' }.deadline.dueDate")).isEqualTo("2023-12-31");
        assertThat(stored.getString("items.find { it.code == '表1-4' }.title")).isEqualTo("做好主动公开基础工作");
        assertThat(TaskFixtures.count("SELECT count(*) FROM plan")).isEqualTo(plans + 1);

        byte[] pdf = fixture("chizhou-task-list.pdf");
        given().contentType("application/pdf").body(pdf).queryParam("year", 2023)
                .when().post("/api/v1/plans/import").then().statusCode(409)
                .body("type", endsWith("plan-exists")).body("detail", containsString(planId));
        given().contentType("application/pdf").body(pdf).queryParam("year", 2023).queryParam("replace", true)
                .when().post("/api/v1/plans/import").then().statusCode(200)
                .body("plan.id", equalTo(planId)).body("summary.tasks", equalTo(8));
        JsonPath after = given().queryParam("planId", planId).queryParam("size", 50).queryParam("sort", "code")
                .when().get("/api/v1/tasks").then().statusCode(200).body("total", equalTo(8)).extract().jsonPath();
        assertThat(after.getList("items.id")).isEqualTo(stored.getList("items.id"));
    }

    @Test
    void nothingAFileRefersToIsFetched() throws Exception {
        String base = "http://127.0.0.1:" + remote.getAddress().getPort();
        String page = "<!DOCTYPE html><html><head><link rel=stylesheet href='" + base + "/a.css'>"
                + "<script src='" + base + "/a.js'></script></head><body><iframe src='" + base + "/frame'></iframe>"
                + "<img src='" + base + "/i.png'><object data='" + base + "/o'></object>"
                + "<p>2031年全市政务公开工作要点</p><table><tr><th>序号</th><th>重点任务</th><th>牵头单位</th></tr>"
                + "<tr><td>1</td><td style=\"background:url(" + base + "/bg)\">建设平台</td><td>市科技局</td></tr>"
                + "</table></body></html>";
        JsonPath html = dryRunBody(page.getBytes(StandardCharsets.UTF_8), "text/html; charset=UTF-8");
        assertThat(html.getInt("summary.tasks")).isEqualTo(1);

        // a .docx whose document declares an external entity: refused, and the entity never fetched
        byte[] docx = replaceEntry(fixture("chizhou-task-list.docx"), "word/document.xml", xml -> xml.replaceFirst(
                "\\?>", "?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"" + base + "/xxe\">]>")
                .replaceFirst("政务公开重点任务清单", "&xxe;"));
        given().contentType(DOCX).body(docx).queryParam("dryRun", true).when().post("/api/v1/plans/import")
                .then().statusCode(422).contentType("application/problem+json");
        byte[] xlsx = replaceEntry(fixture("huzhou-2022-attachment1.xlsx"), "xl/sharedStrings.xml",
                xml -> xml.replaceFirst("\\?>", "?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \"" + base + "/xxe\">]>")
                        .replaceFirst("附件</t>", "&xxe;</t>"));
        given().contentType(XLSX).body(xlsx).queryParam("dryRun", true).when().post("/api/v1/plans/import")
                .then().statusCode(422).contentType("application/problem+json");
        assertThat(remoteRequests.get()).as("requests the importer made to addresses in files").isZero();
    }

    @Test
    void oldOfficeFormatsAreRefusedNamingTheAcceptedTypes() throws Exception {
        byte[] ole2 = new byte[4096];
        byte[] header = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(header, 0, ole2, 0, header.length);
        refused(given().multiPart("file", "2024年工作要点.doc", ole2, "application/msword"), 415)
                .body("detail", containsString(".docx")).body("detail", containsString("text-based .pdf"));
        refused(given().multiPart("file", "2024年工作要点.wps", ole2, "application/octet-stream"), 415)
                .body("detail", containsString(".docx"));
        refused(given().contentType("application/msword").body(ole2), 415).body("detail", containsString(".xlsx"));
        refused(given().contentType("application/vnd.ms-works").body("not really".getBytes()), 415);
    }

    @Test
    void aScannedPdfIsAClear422() throws Exception {
        BufferedImage scan = new BufferedImage(600, 800, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = scan.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 800);
        g.setColor(Color.BLACK);
        for (int y = 60; y < 740; y += 30) {
            g.fillRect(50, y, 500, 12); // lines of "text", as pixels
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(LosslessFactory.createFromImage(document, scan), 0, 0, 612, 792);
            }
            document.save(out);
        }
        refused(given().contentType("application/pdf").body(out.toByteArray()), 422)
                .body("type", endsWith("pdf-without-text")).body("detail", containsString("scan"));
    }

    @Test
    void hostileFilesAreQuick4xxProblemsThatChangeNothingAndLeaveNoFile() throws Exception {
        // a zip bomb as .docx: 20 KB that unpack to 400 MB
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes());
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 400; i++) {
                zip.write(zeros);
            }
        }
        assertThat(bomb.size()).isLessThan(1_000_000);
        refused(given().multiPart("file", "plan.docx", bomb.toByteArray(), DOCX), 413)
                .body("detail", containsString("zip bomb"));
        refused(given().contentType(DOCX).body(bomb.toByteArray()), 413);

        // a PDF of 10,000 pages
        ByteArrayOutputStream pages = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < 10_000; i++) {
                document.addPage(new PDPage());
            }
            document.save(pages);
        }
        refused(given().multiPart("file", "plan.pdf", pages.toByteArray(), "application/pdf"), 413)
                .body("detail", containsString("10000 pages"));

        // a web page of a million cells, under the size limit
        StringBuilder cells = new StringBuilder("<html><body><table>");
        for (int i = 0; i < 500_000; i++) {
            cells.append("<tr><td>1<td>2");
        }
        byte[] page = cells.append("</table></body></html>").toString().getBytes(StandardCharsets.UTF_8);
        assertThat(page.length).isLessThan(20_000_000);
        refused(given().contentType("text/html").body(page), 413).body("detail", containsString("cells"));
        refused(given().multiPart("file", "plan.html", page, "text/html"), 413);

        // truncated files
        byte[] docx = fixture("huzhou-2022-work-plan.docx");
        refused(given().contentType(DOCX).body(Arrays.copyOf(docx, docx.length / 2)), 422)
                .body("type", endsWith("unreadable-document"));
        byte[] pdf = fixture("huzhou-2022-work-plan.pdf");
        refused(given().multiPart("file", "plan.pdf", Arrays.copyOf(pdf, pdf.length / 2), "application/pdf"), 422)
                .body("type", endsWith("unreadable-document"));
        byte[] xlsx = fixture("huzhou-2022-attachment1.xlsx");
        refused(given().contentType(XLSX).body(Arrays.copyOf(xlsx, xlsx.length - 100)), 422);
        refused(given().contentType("application/pdf").body("%PDF-1.7 nothing else".getBytes()), 422);
    }

    /**
     * Sends a file that must be refused, not a dry run, and checks that the answer is the problem expected, quickly,
     * that no plan or task was stored, and that no uploaded or scratch file is left.
     */
    private static ValidatableResponse refused(io.restassured.specification.RequestSpecification request, int status)
            throws Exception {
        long plans = TaskFixtures.count("SELECT count(*) FROM plan");
        long tasks = TaskFixtures.count("SELECT count(*) FROM task");
        Set<Path> scratchBefore = scratchFiles();
        long started = System.nanoTime();
        ValidatableResponse response = request.queryParam("year", 2030).queryParam("createMissingUnits", true)
                .when().post("/api/v1/plans/import").then().statusCode(status)
                .contentType("application/problem+json");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICKLY);
        assertThat(TaskFixtures.count("SELECT count(*) FROM plan")).isEqualTo(plans);
        assertThat(TaskFixtures.count("SELECT count(*) FROM task")).isEqualTo(tasks);
        Path uploads = Path.of(ConfigProvider.getConfig().getValue("quarkus.http.body.uploads-directory", String.class));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(filesUnder(uploads)).isEmpty());
        assertThat(scratchFiles()).as("scratch files POI or PDFBox left").isSubsetOf(scratchBefore);
        return response;
    }

    /** Where POI (poifiles) and PDFBox would put scratch files: the JVM's temporary directory. */
    private static Set<Path> scratchFiles() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Set<Path> files = new java.util.HashSet<>(filesUnder(tmp.resolve("poifiles")));
        try (Stream<Path> list = Files.list(tmp)) {
            list.filter(p -> p.getFileName().toString().matches("(?i)(pdfbox|poi|\\+~JF).*")).forEach(files::add);
        }
        return files;
    }

    private static List<Path> filesUnder(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static byte[] replaceEntry(byte[] zipFile, String name,
                                       java.util.function.UnaryOperator<String> change) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipFile));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(name)) {
                    String changed = change.apply(new String(content, StandardCharsets.UTF_8));
                    assertThat(changed).contains("&xxe;");
                    content = changed.getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
            }
        }
        return out.toByteArray();
    }
}
