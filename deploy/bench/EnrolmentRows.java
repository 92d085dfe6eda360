import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.util.Random;
import java.util.UUID;

/** Prints N enrolment-shaped CSV rows (uuid, 43-char student id, BIN, grade, language, from, to) for COPY. */
public class EnrolmentRows {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Random random = new Random(1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out), 1 << 16)) {
            char[] student = new char[43];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < student.length; j++) {
                    student[j] = alphabet.charAt(random.nextInt(alphabet.length()));
                }
                out.write(UUID.randomUUID() + "," + new String(student) + "," + (970140000000L + random.nextInt(20_000))
                        + "," + random.nextInt(13) + ",KK,2026-09-01,\n");
            }
        }
    }
}
