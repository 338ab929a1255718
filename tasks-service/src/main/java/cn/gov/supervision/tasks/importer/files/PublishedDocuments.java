package cn.gov.supervision.tasks.importer.files;

import cn.gov.supervision.kit.problem.ProblemException;
import cn.gov.supervision.tasks.config.TasksConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Turns a plan as published (a web page, a .docx or .xlsx file, a text-based PDF, or plain text) into the plain text
 * the importer's parser reads: paragraphs as lines, tables as rows of cells between pipes. What a file is, is told by
 * its first bytes; the declared media type only decides between HTML and text, which share none. Whatever goes wrong
 * with a file is a 4xx problem saying what to send instead, never a 500 and never a partial import.
 */
@ApplicationScoped
public class PublishedDocuments {

    private static final Logger LOG = Logger.getLogger(PublishedDocuments.class);

    private final FileLimits limits;

    public PublishedDocuments(TasksConfig config) {
        this.limits = FileLimits.of(config.importFiles());
        // POI's own bounds are process-wide: no part may unpack beyond our limit or more than a hundredfold
        ZipSecureFile.setMaxEntrySize(limits.maxUnpackedBytes());
        ZipSecureFile.setMinInflateRatio(0.01);
    }

    /**
     * @param body      the file as received
     * @param mediaType its declared media type (may be null or application/octet-stream)
     * @param fileName  its name when uploaded as a file, for messages; may be null
     * @return the document's text, for {@code WorkPlanParser}
     */
    public String text(byte[] body, String mediaType, String fileName) {
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("empty-document", "The request body is empty; send the plan");
        }
        String declared = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (startsWith(body, "%PDF-")) {
            return PdfReader.read(body, limits);
        }
        if (startsWith(body, "PK\u0003\u0004")) {
            return officeOpenXml(body);
        }
        if (startsWith(body, "\u00D0\u00CF\u0011\u00E0") || name.endsWith(".doc") || name.endsWith(".wps")
                || declared.startsWith("application/msword") || declared.contains("ms-works")
                || declared.contains("wps-office") || declared.startsWith("application/vnd.ms-excel")) {
            throw FileProblems.unsupported("A .doc, .wps or .xls file (the binary Office formats)");
        }
        if (declared.startsWith("application/pdf") || name.endsWith(".pdf")) {
            throw FileProblems.unreadable("PDF", "it does not start as a PDF does");
        }
        if (declared.contains("openxmlformats") || name.endsWith(".docx") || name.endsWith(".xlsx")) {
            throw FileProblems.unreadable(name.endsWith(".xlsx") || declared.contains("sheet") ? ".xlsx" : ".docx",
                    "it is not a zip package");
        }
        if (declared.startsWith("text/html") || declared.startsWith("application/xhtml") || name.endsWith(".html")
                || name.endsWith(".htm") || looksLikeHtml(body)) {
            return HtmlReader.read(body, charset(declared), limits);
        }
        return PlainText.decode(body);
    }

    private String officeOpenXml(byte[] body) {
        checkUnpackedSize(body);
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(body))) {
            if (hasPart(pkg, "/word/document.xml")) {
                return DocxReader.read(pkg, limits);
            }
            if (hasPart(pkg, "/xl/workbook.xml")) {
                return XlsxReader.read(pkg, limits);
            }
            throw FileProblems.unsupported("A zip package that is neither .docx nor .xlsx (.pptx, .odt, a zip file)");
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            if (isZipBomb(e)) {
                throw FileProblems.tooLarge("The file unpacks to more than " + limits.maxUnpackedBytes()
                        + " bytes or more than a hundredfold; it is refused as a zip bomb");
            }
            LOG.debugf(e, "unreadable Office Open XML upload");
            throw FileProblems.unreadable(".docx/.xlsx", rootMessage(e));
        }
    }

    /**
     * Unpacks the whole file once, counting, before POI builds anything: what a zip declares about its sizes may lie,
     * what it unpacks to does not. Reading stops at the limit, so a bomb costs at most that many bytes of work.
     */
    private void checkUnpackedSize(byte[] body) {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
            ZipEntry entry;
            int entries = 0;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > 1000) {
                    throw FileProblems.tooLarge("The file holds more than 1000 parts; a .docx or .xlsx has dozens");
                }
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    total += read;
                    if (total > limits.maxUnpackedBytes()) {
                        throw FileProblems.tooLarge("The file unpacks to more than " + limits.maxUnpackedBytes()
                                + " bytes; it is refused as a zip bomb");
                    }
                }
                LOG.tracef("zip entry %s", entry.getName());
            }
            if (entries == 0) {
                throw FileProblems.unreadable(".docx/.xlsx", "the zip package holds no part");
            }
        } catch (IOException e) {
            throw FileProblems.unreadable(".docx/.xlsx", "the zip package is truncated or damaged: " + e.getMessage());
        }
    }

    private static boolean hasPart(OPCPackage pkg, String name) throws Exception {
        PackagePartName partName = PackagingURIHelper.createPartName(name);
        return pkg.containPart(partName);
    }

    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    private static boolean startsWith(byte[] body, String magic) {
        if (body.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if ((body[i] & 0xFF) != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A page sent as text/plain or octet-stream: it opens with a doctype or an html tag. */
    private static boolean looksLikeHtml(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1)
                .replace("\u00EF\u00BB\u00BF", "").stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    /** The charset the request declares, else null for jsoup to read the page's own meta charset. */
    private static String charset(String mediaType) {
        int at = mediaType.indexOf("charset=");
        if (at < 0) {
            return null;
        }
        String charset = mediaType.substring(at + "charset=".length()).split("[;\\s]")[0].replace("\"", "");
        return java.nio.charset.Charset.isSupported(charset) ? charset : null;
    }

    /** Plain text: UTF-8 only; a binary file of a type not recognized above is refused naming what is accepted. */
    static final class PlainText {

        private PlainText() {
        }

        static String decode(byte[] body) {
            for (byte b : body) {
                if (b == 0) {
                    throw FileProblems.unsupported("This binary file");
                }
            }
            try {
                String text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(body)).toString();
                return text.startsWith("\uFEFF") ? text.substring(1) : text;
            } catch (CharacterCodingException e) {
                throw FileProblems.unsupported("Text that is not valid UTF-8");
            }
        }
    }
}
