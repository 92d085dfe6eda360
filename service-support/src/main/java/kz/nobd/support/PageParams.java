package kz.nobd.support;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code ?page=&size=} of every list, as a {@code @BeanParam}: read as text so that a bad value is a 400 naming it
 * ({@link Paging}), documented once with {@link Paging}'s limits.
 */
public class PageParams {
    @Parameter(description = "Page number, 0 first; page * size at most 10,000,000",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "10000000", defaultValue = "0"))
    @QueryParam("page")
    public String page;

    @Parameter(description = "Rows a page, 1..500; the default is in the operation's description (50 for lists)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
    @QueryParam("size")
    public String size;

    /** The checked page and size ({@code defaultSize} when size is absent); 400 for a bad value. */
    public Paging paging(int defaultSize) {
        return Paging.of(page, size, defaultSize);
    }
}
