package cn.gov.supervision.kit.web;

import cn.gov.supervision.kit.problem.ProblemException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** Boolean parameters are true or false: Boolean.valueOf would quietly read ?overdue=yes as false. */
@Provider
public class BooleanParamConverterProvider implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != Boolean.class) {
            return null;
        }
        return (ParamConverter<T>) new ParamConverter<Boolean>() {
            @Override
            public Boolean fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw ProblemException.badRequest("invalid-parameter", "'" + value + "' is not true or false");
                };
            }

            @Override
            public String toString(Boolean value) {
                return value.toString();
            }
        };
    }
}
