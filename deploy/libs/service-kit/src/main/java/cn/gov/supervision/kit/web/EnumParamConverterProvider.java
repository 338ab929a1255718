package cn.gov.supervision.kit.web;

import cn.gov.supervision.kit.problem.ProblemException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Locale;

/** Enum query parameters: case-insensitive, and an unknown value is a 400 that lists the allowed ones. */
@Provider
public class EnumParamConverterProvider implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum()) {
            return null;
        }
        Class<? extends Enum> enumType = (Class<? extends Enum>) rawType;
        return new ParamConverter<T>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                try {
                    return (T) Enum.valueOf(enumType, value.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest("invalid-parameter", "'" + value + "' is not one of "
                            + Arrays.toString(enumType.getEnumConstants()));
                }
            }

            @Override
            public String toString(T value) {
                return ((Enum<?>) value).name();
            }
        };
    }
}
