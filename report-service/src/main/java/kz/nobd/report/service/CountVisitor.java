package kz.nobd.report.service;

/**
 * Receives student counts of one school: per grade, sex and language index when that dimension is asked for,
 * -1 where it is not (summed over it).
 */
@FunctionalInterface
public interface CountVisitor {
    void count(String schoolBin, int grade, int sex, int language, long students);
}
