package kz.nobd.registry.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import kz.nobd.contracts.Bin;
import kz.nobd.contracts.InstitutionType;
import kz.nobd.contracts.Language;
import kz.nobd.contracts.Locality;
import kz.nobd.contracts.Ownership;
import kz.nobd.support.ControlCharacters;
import kz.nobd.support.FieldError;

/**
 * The rules for an institution's editable fields, shared by the JSON API and the CSV import. Collects every
 * problem instead of stopping at the first, with messages that say what is allowed.
 */
public class InstitutionValidator {
    static final int MAX_NAME = 500;
    static final int MAX_TEXT = 500;
    static final int MAX_CAPACITY = 20_000;
    static final LocalDate EARLIEST_OPENING = LocalDate.of(1800, 1, 1);
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-]{5,25}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    private final TerritoryLookup territories;
    private final LocalDate today;

    public InstitutionValidator(TerritoryLookup territories, LocalDate today) {
        this.territories = territories;
        this.today = today;
    }

    /** Validated fields, or the complete list of problems. */
    public record Result(InstitutionFields fields, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static boolean isEmail(String value) {
        return !ControlCharacters.present(value) && EMAIL.matcher(value).matches();
    }

    public List<FieldError> checkBin(String bin) {
        String problem = Bin.problemWith(bin);
        return problem == null ? List.of() : List.of(new FieldError("bin", problem));
    }

    public Result validate(InstitutionDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        String nameKk = name("nameKk", draft.nameKk(), errors);
        String nameRu = name("nameRu", draft.nameRu(), errors);
        InstitutionType type = oneOf("type", draft.type(), InstitutionType.class, errors);
        Ownership ownership = oneOf("ownership", draft.ownership(), Ownership.class, errors);
        Territory territory = territory(draft.kato(), errors);
        Locality locality = locality(draft.locality(), territory, errors);
        List<Language> languages = languages(draft.languages(), errors);
        Integer capacity = number("capacity", draft.capacity(), 1, MAX_CAPACITY, errors);
        Integer shifts = number("shifts", draft.shifts(), 1, 3, errors);
        String address = text("address", draft.address(), errors);
        String phone = matching("phone", draft.phone(), PHONE, "digits, spaces, ( ) - and a leading +, 5..25 characters", errors);
        String email = matching("email", draft.email(), EMAIL, "an address like name@example.kz", errors);
        LocalDate openedOn = pastDate("openedOn", draft.openedOn(), true, errors);
        if (!errors.isEmpty()) {
            return new Result(null, List.copyOf(errors));
        }
        return new Result(new InstitutionFields(nameKk, nameRu, type, ownership, territory, locality, languages,
                capacity, shifts, address, phone, email, openedOn), List.of());
    }

    /** A date that parses as YYYY-MM-DD and is not in the future; null when absent and not required. */
    public LocalDate pastDate(String field, String value, boolean required, List<FieldError> errors) {
        if (blank(value)) {
            if (required) {
                errors.add(new FieldError(field, field + " is required (a date YYYY-MM-DD)"));
            }
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            if (date.isAfter(today)) {
                errors.add(new FieldError(field, field + " must not be in the future (today is " + today + "), was " + date));
            } else if (date.isBefore(EARLIEST_OPENING)) {
                errors.add(new FieldError(field, field + " must be on or after " + EARLIEST_OPENING + ", was " + date));
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, field + " must be a date YYYY-MM-DD, was '" + abbreviate(value) + "'"));
            return null;
        }
    }

    private static String name(String field, String value, List<FieldError> errors) {
        if (blank(value)) {
            errors.add(new FieldError(field, field + " is required and must not be blank"));
            return null;
        }
        if (refusedControl(field, value, errors)) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_NAME) {
            errors.add(new FieldError(field, field + " must be at most " + MAX_NAME + " characters, was " + trimmed.length()));
        }
        return trimmed;
    }

    static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type, List<FieldError> errors) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (blank(value)) {
            errors.add(new FieldError(field, field + " is required, one of " + allowed));
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, field + " must be one of " + allowed + ", was '" + abbreviate(value) + "'"));
            return null;
        }
    }

    private Territory territory(String kato, List<FieldError> errors) {
        if (blank(kato) || !kz.nobd.contracts.Digits.exactly(kato.strip(), 9)) {
            errors.add(new FieldError("kato", "kato must be a 9-digit KATO code, was '" + abbreviate(kato) + "'"));
            return null;
        }
        Optional<Territory> found = territories.find(kato.strip());
        if (found.isEmpty()) {
            errors.add(new FieldError("kato", "kato " + kato.strip() + " does not exist in the KATO classifier"));
            return null;
        }
        if (found.get().level == TerritoryLevel.OBLAST) {
            errors.add(new FieldError("kato", "kato must name a district, city district or settlement, not the oblast "
                    + kato.strip() + " itself"));
            return null;
        }
        return found.get();
    }

    private static Locality locality(String value, Territory territory, List<FieldError> errors) {
        if (!blank(value)) {
            return oneOf("locality", value, Locality.class, errors);
        }
        if (territory == null) {
            return null;
        }
        Locality fallback = territory.defaultLocality();
        if (fallback == null) {
            errors.add(new FieldError("locality", "locality (URBAN or RURAL) is required: KATO " + territory.kato
                    + " is of mixed type " + territory.typeCode + " and gives no default"));
        }
        return fallback;
    }

    private static List<Language> languages(List<String> values, List<FieldError> errors) {
        String allowed = Arrays.stream(Language.values()).map(Enum::name).collect(Collectors.joining(", "));
        if (values == null || values.isEmpty() || values.stream().allMatch(InstitutionValidator::blank)) {
            errors.add(new FieldError("languages", "languages must list at least one of " + allowed));
            return null;
        }
        Set<Language> languages = new LinkedHashSet<>();
        for (String value : values) {
            Language language = oneOf("languages", value, Language.class, errors);
            if (language != null && !languages.add(language)) {
                errors.add(new FieldError("languages", "languages lists " + language + " twice"));
            }
        }
        return List.copyOf(languages);
    }

    private static Integer number(String field, String value, int min, int max, List<FieldError> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                errors.add(new FieldError(field, field + " must be " + min + ".." + max + ", was " + number));
            }
            return number;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, field + " must be a whole number " + min + ".." + max + ", was '" + abbreviate(value) + "'"));
            return null;
        }
    }

    private static String text(String field, String value, List<FieldError> errors) {
        if (blank(value) || refusedControl(field, value, errors)) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_TEXT) {
            errors.add(new FieldError(field, field + " must be at most " + MAX_TEXT + " characters, was " + trimmed.length()));
        }
        return trimmed;
    }

    private static String matching(String field, String value, Pattern pattern, String allowed, List<FieldError> errors) {
        String trimmed = text(field, value, errors);
        if (trimmed != null && !pattern.matcher(trimmed).matches()) {
            errors.add(new FieldError(field, field + " must be " + allowed + ", was '" + abbreviate(trimmed) + "'"));
        }
        return trimmed;
    }

    /** Names, the address, phone and e-mail are single lines of printable text (PostgreSQL refuses NUL too). */
    private static boolean refusedControl(String field, String value, List<FieldError> errors) {
        String problem = ControlCharacters.problem(field, value);
        if (problem != null) {
            errors.add(new FieldError(field, problem));
        }
        return problem != null;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String abbreviate(String value) {
        if (value == null) {
            return "";
        }
        return kz.nobd.support.Params.shownControls(value.length() > 40 ? value.substring(0, 40) + "..." : value);
    }
}
