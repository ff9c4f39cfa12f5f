package dev.fraiseql.autoconfigure.graphql;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * A controller method annotated with {@link FraiseqlMapping}: the schema field it serves and the view it reads.
 *
 * @param typeName the parent type ({@code Query})
 * @param field the field name
 * @param view the view, or empty for a function
 * @param function the function, or empty for a view
 * @param dataColumn the JSONB column
 * @param method the method, for messages
 */
public record ControllerMapping(String typeName, String field, String view, String function, String dataColumn,
        String method) {

    /** Finds the mappings on the {@code @Controller} beans of {@code context} without creating those beans. */
    public static List<ControllerMapping> scan(ApplicationContext context) {
        List<ControllerMapping> out = new ArrayList<>();
        for (String name : context.getBeanNamesForAnnotation(Controller.class)) {
            Class<?> type = context.getType(name);
            if (type == null) {
                continue;
            }
            Class<?> userType = ClassUtils.getUserClass(type);
            SchemaMapping classMapping = AnnotatedElementUtils.findMergedAnnotation(userType, SchemaMapping.class);
            ReflectionUtils.doWithMethods(userType, method -> out.add(of(userType, classMapping, method)),
                    method -> AnnotatedElementUtils.hasAnnotation(method, FraiseqlMapping.class));
        }
        return out;
    }

    private static ControllerMapping of(Class<?> type, SchemaMapping classMapping, Method method) {
        FraiseqlMapping fraiseql = AnnotatedElementUtils.findMergedAnnotation(method, FraiseqlMapping.class);
        SchemaMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, SchemaMapping.class);
        String label = type.getSimpleName() + "." + method.getName();
        if (mapping == null) {
            throw new IllegalStateException("@FraiseqlMapping on " + label
                    + " needs @QueryMapping (or @SchemaMapping) to name the field it serves");
        }
        String typeName = !mapping.typeName().isEmpty() ? mapping.typeName()
                : classMapping != null && !classMapping.typeName().isEmpty() ? classMapping.typeName() : "";
        if (typeName.isEmpty()) {
            throw new IllegalStateException("@FraiseqlMapping on " + label + " has no parent type: use @QueryMapping"
                    + " or give @SchemaMapping a typeName");
        }
        String field = !mapping.field().isEmpty() ? mapping.field() : method.getName();
        if (fraiseql.view().isEmpty() == fraiseql.function().isEmpty()) {
            throw new IllegalStateException("@FraiseqlMapping on " + label + " must give exactly one of view and function");
        }
        return new ControllerMapping(typeName, field, fraiseql.view(), fraiseql.function(), fraiseql.dataColumn(), label);
    }
}
