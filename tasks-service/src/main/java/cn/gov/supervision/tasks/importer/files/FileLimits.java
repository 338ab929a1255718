package cn.gov.supervision.tasks.importer.files;

import cn.gov.supervision.tasks.config.TasksConfig;

/** The bounds of {@link TasksConfig.ImportFiles}, for readers that are plain classes. */
record FileLimits(long maxUnpackedBytes, int maxPdfPages, int maxTableCells, int maxTextCharacters) {

    static FileLimits of(TasksConfig.ImportFiles config) {
        return new FileLimits(config.maxUnpackedBytes(), config.maxPdfPages(), config.maxTableCells(),
                config.maxTextCharacters());
    }
}
