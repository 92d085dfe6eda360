package kz.nobd.support.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

/** What the filter adds to an operation, from its parameters, body and roles. */
class ProblemResponsesFilterTest {

    @Test
    void aSecuredOperationWithAPathAndAQueryParameterGetsEveryErrorItCanMeetAsAProblem() {
        Operation get = operation(List.of("ministry", "oblast"))
                .addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH))
                .addParameter(OASFactory.createParameter().name("size").in(Parameter.In.QUERY));
        OpenAPI api = document("/api/v1/things/{id}", PathItem.HttpMethod.GET, get);

        new ProblemResponsesFilter().filterOpenAPI(api);

        assertThat(get.getResponses().getAPIResponses()).containsOnlyKeys("200", "400", "401", "403", "404", "414",
                "500", "503");
        get.getResponses().getAPIResponses().forEach((code, response) -> {
            if (!code.equals("200")) {
                var problem = response.getContent().getMediaType("application/problem+json");
                assertThat(problem.getSchema().getRef()).isEqualTo("#/components/schemas/Problem");
                @SuppressWarnings("unchecked")
                Map<String, Object> example = (Map<String, Object>) problem.getExample();
                assertThat(example).containsEntry("status", Integer.valueOf(code));
            }
        });
        assertThat(get.getResponses().getAPIResponse("403").getDescription())
                .contains("Allowed roles: ministry, oblast; report-consumer, school get 403");
        assertThat(get.getResponses().getAPIResponse("503").getHeaders()).containsKey("Retry-After");
        assertThat(get.getResponses().getAPIResponse("401").getHeaders()).containsKey("WWW-Authenticate");
        assertThat(get.getOperationId()).isEqualTo("getThingsId");
        assertThat(get.getTags()).containsExactly("things");
        assertThat(api.getServers()).extracting(s -> s.getUrl()).containsExactly("/");
        assertThat(api.getComponents().getSchemas().get("Problem").getProperties())
                .containsOnlyKeys("type", "title", "status", "detail", "instance", "errors", "reason");
    }

    @Test
    void anOperationEveryRoleMayCallLosesTheGenerated403AndABodyBrings413And415() {
        Operation post = operation(List.of("ministry", "oblast", "school", "report-consumer"))
                .requestBody(OASFactory.createRequestBody());
        post.getResponses().addAPIResponse("403", OASFactory.createAPIResponse().description("Not Allowed"));
        post.setOperationId("submit");
        OpenAPI api = document("/api/v1/things", PathItem.HttpMethod.POST, post);

        new ProblemResponsesFilter().filterOpenAPI(api);

        assertThat(post.getResponses().getAPIResponses()).containsOnlyKeys("200", "400", "401", "413", "414", "415",
                "500", "503");
        assertThat(post.getOperationId()).isEqualTo("submit");
    }

    @Test
    void anOperationsOwnErrorResponseKeepsItsDescriptionAndGetsTheProblemBody() {
        Operation get = operation(List.of("ministry"));
        get.getResponses().addAPIResponse("409", OASFactory.createAPIResponse().description("The BIN exists."));
        OpenAPI api = document("/api/v1/things", PathItem.HttpMethod.GET, get);

        new ProblemResponsesFilter().filterOpenAPI(api);

        assertThat(get.getResponses().getAPIResponse("409").getDescription()).isEqualTo("The BIN exists.");
        assertThat(get.getResponses().getAPIResponse("409").getContent().getMediaType("application/problem+json"))
                .isNotNull();
    }

    private static Operation operation(List<String> roles) {
        return OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses().addAPIResponse("200",
                        OASFactory.createAPIResponse().description("OK")))
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("keycloak", roles));
    }

    private static OpenAPI document(String path, PathItem.HttpMethod method, Operation operation) {
        PathItem item = OASFactory.createPathItem();
        item.setOperation(method, operation);
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths().addPathItem(path, item));
    }
}
