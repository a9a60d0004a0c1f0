package cn.fupin.household;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A household's causes as stored: the codes in order, comma separated ("ILLNESS,TRANSPORT"). */
final class Causes {

    private Causes() {}

    static String join(List<Cause> causes) {
        return causes.stream().map(Cause::name).collect(Collectors.joining(","));
    }

    static List<Cause> split(String causes) {
        return causes.isEmpty()
                ? List.of()
                : Arrays.stream(causes.split(",")).map(Cause::valueOf).toList();
    }
}
