package cn.gov.supervision.tasks.repository;

import java.util.Map;

/**
 * Which tasks a search matches and in what order, as SQL: {@code WITH cte SELECT idColumn ... body ORDER BY orderBy}
 * with {@code :name} parameters. {@link TaskRows#page} reads a page of them.
 *
 * @param cte       common table expressions the body joins ({@code mine AS (...)}), or empty
 * @param idColumn  the column of the body that holds the task id
 * @param body      {@code FROM ... WHERE ...}
 * @param orderBy   an ORDER BY list over the body's columns that ends in a unique one
 * @param taskOrder the same order over the columns of task t
 */
public record TaskQuery(String cte, String idColumn, String body, String orderBy, String taskOrder,
                        Map<String, Object> params) {
}
