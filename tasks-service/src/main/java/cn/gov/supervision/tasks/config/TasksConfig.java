package cn.gov.supervision.tasks.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

@ConfigMapping(prefix = "tasks")
public interface TasksConfig {

    /** Deadlines are local dates; "today" and "overdue" are judged in this zone. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    /** Public base URL of the API as clients reach it (the gateway), for links in calendar feeds. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /**
     * Key of the signatures in calendar subscription links (TASKS_CALENDAR_SECRET). Calendar apps cannot send a bearer
     * token, so the link carries a signature of its unit instead; every replica needs the same secret.
     */
    Optional<String> calendarSecret();

    /**
     * How often each replica reloads its in-memory unit names from unit_ref, to see what another replica's consumer
     * applied (the units.events consumer group is shared, so each event reaches one replica). The replica that applies
     * an event sees it at once.
     */
    @WithDefault("5s")
    Duration unitNamesRefresh();

    /** The connections of the reads answered on the event loop (repository.ReadPool), beside the JDBC pool's. */
    ReadConnections readPool();

    interface ReadConnections {

        /**
         * Per replica. Each connection carries many statements in flight (pipelined), so a few serve every event loop;
         * the database's max_connections must also leave room for these.
         */
        @WithDefault("8")
        int maxSize();
    }

    /** Bounds on the files the plan importer reads (importer.files): a hostile file is refused before it costs much. */
    ImportFiles importFiles();

    interface ImportFiles {

        /**
         * The most bytes a .docx or .xlsx may unpack to, all its parts together: a zip bomb stops here, after reading
         * no more than this. POI also refuses any part that unpacks more than a hundredfold.
         */
        @WithDefault("50000000")
        long maxUnpackedBytes();

        /** Work plans run to a few dozen pages; a PDF with more is refused before its pages are read. */
        @WithDefault("500")
        int maxPdfPages();

        /** Table cells over all tables of a document (HTML, .docx, .xlsx). */
        @WithDefault("200000")
        int maxTableCells();

        /** Characters of text read out of one document. */
        @WithDefault("10000000")
        int maxTextCharacters();
    }
}
