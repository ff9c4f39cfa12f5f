package dev.fraiseql.graphql.internal.controller;

import dev.fraiseql.graphql.FraiseqlMapping;
import dev.fraiseql.graphql.FraiseqlSchemaException;
import dev.fraiseql.graphql.internal.schema.ControllerMapping;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/** Finds the {@link FraiseqlMapping} methods of an application's controllers. */
public final class ControllerMappings {

    private ControllerMappings() {
    }

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
            throw new FraiseqlSchemaException("@FraiseqlMapping on " + label + " does not name the field it serves.",
                    "Add @QueryMapping, @MutationMapping or @SchemaMapping to the method.");
        }
        String typeName = !mapping.typeName().isEmpty() ? mapping.typeName()
                : classMapping != null && !classMapping.typeName().isEmpty() ? classMapping.typeName() : "";
        if (typeName.isEmpty()) {
            throw new FraiseqlSchemaException("@FraiseqlMapping on " + label + " has no parent type.",
                    "Use @QueryMapping or @MutationMapping, or give @SchemaMapping a typeName.");
        }
        String field = !mapping.field().isEmpty() ? mapping.field() : method.getName();
        if (fraiseql.view().isEmpty() == fraiseql.function().isEmpty()) {
            throw new FraiseqlSchemaException("@FraiseqlMapping on " + label + " gives " + (fraiseql.view().isEmpty()
                    ? "neither a view nor a function." : "both a view and a function."),
                    "Give exactly one of view and function.");
        }
        return new ControllerMapping(typeName, field, fraiseql.view(), fraiseql.function(), fraiseql.dataColumn(), label);
    }
}
