package kz.nobd.report.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import kz.nobd.report.service.CsvTable;
import kz.nobd.support.SpreadsheetCells;

/**
 * Writes a {@link CsvTable} as text/csv (or as an SDMX-CSV message, {@link SdmxFormat}): UTF-8, a header row of the JSON field names, RFC 4180 quoting (a field
 * with a comma, quote or line break is quoted, quotes doubled), null as an empty field; a text cell that would start
 * a spreadsheet formula gets a leading apostrophe ({@link SpreadsheetCells}), numbers are written as they are.
 */
@Provider
@Produces({"text/csv", "application/vnd.sdmx.data+csv"})
public class CsvWriter implements MessageBodyWriter<CsvTable> {
    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return CsvTable.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(CsvTable table, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        List<String> columns = table.csvColumns();
        line(writer, columns.stream().map(c -> (Object) c).toList());
        for (Map<String, Object> row : table.csvRows()) {
            line(writer, columns.stream().map(row::get).toList());
        }
        writer.flush();
    }

    private static void line(Writer writer, List<Object> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(field(values.get(i)));
        }
        writer.write("\r\n");
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof String text ? SpreadsheetCells.neutralise(text) : value.toString();
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
