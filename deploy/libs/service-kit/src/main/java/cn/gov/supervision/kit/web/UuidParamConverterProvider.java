package cn.gov.supervision.kit.web;

import cn.gov.supervision.kit.problem.ProblemException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;

/**
 * A malformed UUID in a path or query is the caller's mistake: 400 with a problem, not the 404 that JAX-RS
 * gives by default for a path parameter that fails to convert.
 */
@Provider
public class UuidParamConverterProvider implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != UUID.class) {
            return null;
        }
        return (ParamConverter<T>) new ParamConverter<UUID>() {
            @Override
            public UUID fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    if (value.length() != 36) {
                        throw new IllegalArgumentException();
                    }
                    return UUID.fromString(value);
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest("invalid-id", "'" + value + "' is not a valid UUID");
                }
            }

            @Override
            public String toString(UUID value) {
                return value.toString();
            }
        };
    }
}
