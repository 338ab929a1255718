package cn.gov.supervision.kit.web;

import java.util.List;
import java.util.function.Function;

/** The one shape of every paged list: {@code {"items":[…],"page":0,"size":50,"total":N}}; pages count from 0. */
public record PageView<T>(List<T> items, int page, int size, long total) {

    public <R> PageView<R> map(Function<T, R> mapper) {
        return new PageView<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
