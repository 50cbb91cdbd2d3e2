package dev.dnsflip.client;

import dev.dnsflip.authority.ModelRuleException;
import dev.dnsflip.authority.Question;
import java.util.Objects;

/** A question a client asks, with its relative weight among the client's questions. */
public record WeightedQuestion(Question question, double weight) {
  public WeightedQuestion {
    Objects.requireNonNull(question, "question");
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new ModelRuleException("question weight must be > 0: " + weight);
    }
  }
}
