package cn.gov.supervision.testkit.browser;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A page as Chromium laid it out at one width: the text a person sees, what is visible where, whether the page
 * scrolls sideways, and a screenshot. Read it before the browser opens anything else.
 */
public final class RenderedPage {

    private final Browser browser;
    private final int width;

    RenderedPage(Browser browser, int width) {
        this.browser = browser;
        this.width = width;
    }

    public int width() {
        return width;
    }

    /** The address the browser shows. */
    public String address() {
        return browser.evaluate("location.href").asText();
    }

    /** Everything a person can read on the page, as the browser lays it out (hidden elements are not in it). */
    public String visibleText() {
        return browser.evaluate("document.body.innerText").asText();
    }

    /** The page's title, as a browser tab shows it. */
    public String title() {
        return browser.evaluate("document.title").asText();
    }

    /** The visible text of every element {@code selector} matches, in document order. */
    public List<String> texts(String selector) {
        JsonNode texts = browser.evaluate("Array.from(document.querySelectorAll(" + quote(selector)
                + ")).map(e => e.innerText)");
        List<String> result = new ArrayList<>();
        texts.forEach(t -> result.add(t.asText()));
        return result;
    }

    /** The computed value of a CSS property of the first element {@code selector} matches. */
    public String style(String selector, String property) {
        return browser.evaluate("getComputedStyle(document.querySelector(" + quote(selector) + ")).getPropertyValue("
                + quote(property) + ")").asText();
    }

    /** How wide the document is laid out, in CSS pixels: wider than {@link #viewportWidth()} means sideways scrolling. */
    public int documentWidth() {
        return browser.evaluate("document.documentElement.scrollWidth").asInt();
    }

    public int viewportWidth() {
        return browser.evaluate("window.innerWidth").asInt();
    }

    /**
     * Whether the first element {@code selector} matches is shown (not hidden, has a size) and lies horizontally
     * within the viewport, so a person reaches it without scrolling sideways.
     */
    public boolean isShownWithinWidth(String selector) {
        return browser.evaluate("(() => { const e = document.querySelector(" + quote(selector) + ");"
                + " if (!e) return false; const r = e.getBoundingClientRect(); const s = getComputedStyle(e);"
                + " return s.visibility !== 'hidden' && s.display !== 'none' && r.width > 0 && r.height > 0"
                + " && r.left >= 0 && r.right <= window.innerWidth; })()").asBoolean();
    }

    /**
     * Clicks the first element {@code selector} matches, scrolled into view first, in its middle, with real mouse
     * events (not a script's {@code click()}); when {@code loadsAPage}, returns the page it leads to.
     */
    public RenderedPage click(String selector, boolean loadsAPage) {
        JsonNode box = browser.evaluate("(() => { const e = document.querySelector(" + quote(selector) + ");"
                + " if (!e) return null; e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                + " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()");
        if (box.isNull() || box.isMissingNode()) {
            throw new IllegalStateException("Nothing on the page matches " + selector);
        }
        browser.clickAt(box.path("x").asDouble(), box.path("y").asDouble(), loadsAPage);
        return loadsAPage ? new RenderedPage(browser, width) : this;
    }

    /** Writes a PNG of the whole page to {@code file} (its folder is created) and returns the file. */
    public Path screenshot(Path file) throws IOException {
        int height = browser.evaluate("document.documentElement.scrollHeight").asInt();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, browser.screenshot(Math.max(width, documentWidth()), Math.max(height, 1)));
        return file;
    }

    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
