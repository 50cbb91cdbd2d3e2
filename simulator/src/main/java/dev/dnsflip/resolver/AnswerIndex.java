package dev.dnsflip.resolver;

import dev.dnsflip.authority.Answer;
import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.Question;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The way back from the objects the resolver SPI speaks in to the table's indices: a question to
 * its index, an answer to its id. Answers handed out are the table's own instances, so identity
 * finds them; an equal copy is found by value.
 */
final class AnswerIndex {
  static final int UNKNOWN = -1;

  private final Map<Question, Integer> questions = new HashMap<>();
  private final Map<Answer, Integer> answersByIdentity = new IdentityHashMap<>();
  private final Map<Answer, Integer> answersByValue = new HashMap<>();

  AnswerIndex(AnswerTable table) {
    for (int q = 0; q < table.questionCount(); q++) {
      questions.put(table.question(q), q);
    }
    for (int a = 0; a < table.answerCount(); a++) {
      answersByIdentity.put(table.answer(a), a);
      answersByValue.put(table.answer(a), a);
    }
  }

  int question(Question q) {
    Integer i = q == null ? null : questions.get(q);
    return i == null ? UNKNOWN : i;
  }

  int answer(Answer a) {
    Integer i = answersByIdentity.get(a);
    if (i == null) {
      i = a == null ? null : answersByValue.get(a);
    }
    return i == null ? UNKNOWN : i;
  }
}
