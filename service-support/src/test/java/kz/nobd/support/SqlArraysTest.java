package kz.nobd.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A column of a batch becomes one array of the rows' values, in the rows' order, nulls kept. */
class SqlArraysTest {
    private record Row(String bin, Long version) {
    }

    @Test
    void theColumnOfEveryRowInOrder() throws SQLException {
        List<Object[]> asked = new ArrayList<>();
        List<String> types = new ArrayList<>();
        Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    assertThat(method.getName()).isEqualTo("createArrayOf");
                    types.add((String) args[0]);
                    asked.add((Object[]) args[1]);
                    return null;
                });
        List<Row> rows = List.of(new Row("020240000001", 1L), new Row("020240000002", null),
                new Row("020240000003", 3L));

        SqlArrays.column(connection, "text", rows, Row::bin);
        SqlArrays.column(connection, "int8", rows, Row::version);

        assertThat(types).containsExactly("text", "int8");
        assertThat(asked.get(0)).containsExactly("020240000001", "020240000002", "020240000003");
        assertThat(asked.get(1)).containsExactly(1L, null, 3L);
    }
}
