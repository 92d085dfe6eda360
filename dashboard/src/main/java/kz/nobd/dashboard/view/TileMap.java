package kz.nobd.dashboard.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A tile map: one tile per unit, coloured by the chosen indicator, with its name and value written on it (no legend
 * lookup needed). Oblasts sit on a grid that follows the country's geography (west to east, north to south); the
 * districts or schools of one unit, which have no such grid, are laid out in name order.
 */
public record TileMap(int columns, int rows, List<Tile> tiles) {

    public record Tile(Place place, String label, Figure value, int column, int row, String fill, String textColour) {
    }

    /** column, row (1-based) of each oblast and city of republican significance, by the first two KATO digits */
    static final Map<String, int[]> OBLAST_GRID = Map.ofEntries(
            Map.entry("27", new int[] {1, 1}), Map.entry("39", new int[] {3, 1}), Map.entry("59", new int[] {4, 1}),
            Map.entry("55", new int[] {5, 1}), Map.entry("23", new int[] {1, 2}), Map.entry("15", new int[] {2, 2}),
            Map.entry("71", new int[] {3, 2}), Map.entry("11", new int[] {4, 2}), Map.entry("10", new int[] {6, 2}),
            Map.entry("63", new int[] {7, 2}), Map.entry("47", new int[] {1, 3}), Map.entry("43", new int[] {3, 3}),
            Map.entry("62", new int[] {4, 3}), Map.entry("35", new int[] {5, 3}), Map.entry("33", new int[] {6, 3}),
            Map.entry("61", new int[] {3, 4}), Map.entry("79", new int[] {4, 4}), Map.entry("31", new int[] {5, 4}),
            Map.entry("19", new int[] {6, 4}), Map.entry("75", new int[] {7, 4}));
    static final int NAME_ORDER_COLUMNS = 6;

    public static TileMap of(List<UnitFigures> units, Indicator indicator, String language) {
        ColourScale scale = new ColourScale(units.stream().map(u -> u.get(indicator)).toList(), indicator.higherIsBetter);
        List<UnitFigures> ordered = new ArrayList<>(units);
        ordered.sort(Comparator.comparing(u -> u.place().name(language)));
        boolean oblasts = !units.isEmpty() && units.stream().allMatch(TileMap::onOblastGrid);
        List<Tile> tiles = new ArrayList<>();
        int columns = oblasts ? 7 : Math.min(NAME_ORDER_COLUMNS, Math.max(1, ordered.size()));
        for (int i = 0; i < ordered.size(); i++) {
            UnitFigures unit = ordered.get(i);
            int[] at = oblasts ? OBLAST_GRID.get(unit.place().code().substring(0, 2))
                    : new int[] {i % columns + 1, i / columns + 1};
            Figure value = unit.get(indicator);
            tiles.add(new Tile(unit.place(), unit.place().name(language), value, at[0], at[1], scale.fill(value),
                    scale.text(value)));
        }
        int rows = tiles.stream().mapToInt(Tile::row).max().orElse(0);
        return new TileMap(columns, rows, tiles);
    }

    private static boolean onOblastGrid(UnitFigures unit) {
        String code = unit.place().code();
        return unit.place().level() == Level.OBLAST && code != null && code.length() >= 2
                && OBLAST_GRID.containsKey(code.substring(0, 2));
    }
}
