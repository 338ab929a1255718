package cn.gov.supervision.tasks.importer.files;

import cn.gov.supervision.kit.problem.ProblemException;

import java.util.List;

/** The answers to a file the importer cannot read, each saying what to send instead. */
final class FileProblems {

    static final String ACCEPTED = "text/plain (UTF-8), text/html, .docx, .xlsx and text-based .pdf";

    private FileProblems() {
    }

    static ProblemException unsupported(String what) {
        return new ProblemException(415, "unsupported-document-type", "Unsupported Media Type",
                what + " cannot be read; send the plan as " + ACCEPTED + " (save a .doc or .wps file as .docx)",
                List.of());
    }

    static ProblemException tooLarge(String what) {
        return new ProblemException(413, "document-too-large", "Content Too Large", what, List.of());
    }

    static ProblemException unreadable(String format, String why) {
        return ProblemException.unprocessable("unreadable-document",
                "The " + format + " file cannot be read (" + why + "); it may be truncated or damaged");
    }

    static ProblemException noTextLayer() {
        return ProblemException.unprocessable("pdf-without-text",
                "The PDF has no text layer: it is a scan (images of pages). Send the plan as published on the web "
                        + "(HTML), as .docx, or as a PDF exported from a word processor");
    }
}
