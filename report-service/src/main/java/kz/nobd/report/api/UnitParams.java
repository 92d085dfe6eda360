package kz.nobd.report.api;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The unit and date a rollup or an indicator card is asked for ({@code level, kato, bin, asOf}), as a
 * {@code @BeanParam}: read as text and checked by {@link ReportParams}, documented once.
 */
public class UnitParams {
    @Parameter(description = ApiSchemas.LEVEL, schema = @Schema(implementation = ApiSchemas.Level.class))
    @QueryParam("level")
    public String level;

    @Parameter(description = ApiSchemas.KATO, schema = @Schema(type = SchemaType.STRING,
            pattern = ApiSchemas.KATO_PATTERN))
    @QueryParam("kato")
    public String kato;

    @Parameter(description = ApiSchemas.BIN, schema = @Schema(type = SchemaType.STRING,
            pattern = ApiSchemas.BIN_PATTERN))
    @QueryParam("bin")
    public String bin;

    @Parameter(description = ApiSchemas.AS_OF, schema = @Schema(type = SchemaType.STRING, format = "date"))
    @QueryParam("asOf")
    public String asOf;
}
