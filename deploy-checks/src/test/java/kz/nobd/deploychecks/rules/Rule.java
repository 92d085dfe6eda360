package kz.nobd.deploychecks.rules;

import kz.nobd.deploychecks.model.Manifest;
import java.util.List;

/** One thing that must hold in a rendered overlay; {@link #check} lists every way it does not (empty: it holds). */
public interface Rule {
    List<String> check(Manifest manifest);
}
