package dev.fraiseql.core.mutation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;


class MutationResultTest {

    @Test
    void everyStatusFamilyHasItsSuccessFlagAndCode() {
        assertThat(Arrays.stream(MutationStatus.values()).map(s -> s + " " + s.success() + " " + s.code()))
                .containsExactly("SUCCESS true 200", "CREATED true 201", "UPDATED true 200", "DELETED true 200",
                        "NOOP false 422", "VALIDATION false 422", "UNAUTHORIZED false 401", "FORBIDDEN false 403",
                        "NOT_FOUND false 404", "CONFLICT false 409", "TIMEOUT false 408", "FAILED false 500");
    }

    @Test
    void aStatusBelongsToTheFamilyBeforeItsFirstColonInAnyCase() {
        assertThat(MutationStatus.of("conflict:duplicate_isbn")).isEqualTo(MutationStatus.CONFLICT);
        assertThat(MutationStatus.of("created")).isEqualTo(MutationStatus.CREATED);
        assertThat(MutationStatus.of("NOT_FOUND")).isEqualTo(MutationStatus.NOT_FOUND);
        assertThat(MutationStatus.of("noop:already_published:twice")).isEqualTo(MutationStatus.NOOP);
        assertThat(MutationStatus.of("Validation:")).isEqualTo(MutationStatus.VALIDATION);
        for (MutationStatus family : MutationStatus.values()) {
            assertThat(MutationStatus.of(family.name().toLowerCase())).isEqualTo(family);
        }
    }

    @Test
    void aStatusNamingNoFamilyIsFailed() {
        for (String status : Arrays.asList("ok", "", ":created", " success", "not found", "success ", null)) {
            assertThat(MutationStatus.of(status)).as(String.valueOf(status)).isEqualTo(MutationStatus.FAILED);
        }
    }

    @Test
    void anObjectWithStatusAndEntityIsAMutationResponseTakenApart() {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", "updated");
        response.put("message", "Book updated");
        response.put("entity", Map.of("id", 1));
        response.put("entity_id", 1);
        response.put("entity_type", "Book");
        response.put("updated_fields", List.of("title"));
        response.put("cascade", null);
        response.put("metadata", Map.of("by", "me"));
        response.put("extra", "kept");

        assertThat(MutationResult.of(response)).isEqualTo(new MutationResult(true, "updated", MutationStatus.UPDATED,
                "Book updated", Map.of("id", 1), 1, "Book", List.of("title"), null, Map.of("by", "me"), response));
    }

    @Test
    void aMutationResponseWithANullStatusOrEntityIsStillOne() {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", null);
        response.put("entity", null);

        MutationResult result = MutationResult.of(response);

        assertThat(result).isEqualTo(new MutationResult(true, null, MutationStatus.FAILED, null, null, null, null,
                null, null, null, response));
        assertThat(result.success()).isFalse();
    }

    @Test
    void anythingElseIsAPlainAnswerThatSucceeded() {
        for (Object answer : Arrays.asList(Map.of("status", "created"), Map.of("entity", 1), List.of("status",
                "entity"), "created", 42, true, null)) {
            assertThat(MutationResult.of(answer)).isEqualTo(new MutationResult(false, null, MutationStatus.SUCCESS,
                    null, null, null, null, null, null, null, answer));
        }
    }
}
