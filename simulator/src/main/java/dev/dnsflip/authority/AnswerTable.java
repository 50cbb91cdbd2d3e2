package dev.dnsflip.authority;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * Every answer the run can need, interned and indexed, so the hot path reads primitive arrays.
 *
 * <p>Questions are the clients' questions plus every CNAME target reachable from them in either
 * setting. A resolver cache has one <em>slot</em> per question (for its data or negative answer)
 * plus one per CNAME owner (for the CNAME RRset, shared by A and AAAA lookups), so a CNAME and
 * its target are cached separately, as real resolvers do.
 *
 * <p>A question whose name is a pattern ({@link Question#perClient}) stands for one name per
 * client: its slot, and the slot of its CNAME owner, are <em>per-client</em> slots, which a cache
 * keys by (slot, client) instead of indexing directly. Every client's name gets the pattern's
 * answer (the loader checks that one record, a wildcard, answers them all alike); a CNAME target
 * is an ordinary name, shared by all clients.
 */
public final class AnswerTable {
  private final List<Question> questions;
  private final List<Answer> answers;
  private final List<Name> cnameOwners;
  private final int[] answerOf; // [question * 2 + (enabled ? 1 : 0)] -> answer
  private final int[] cnameSlotOf; // [question] -> slot holding (owner, CNAME), or -1
  private final int[] kind;
  private final int[] provenance;
  private final long[] ttlMs;
  private final int[] targetA; // CNAME answer -> (target, A) question, else -1
  private final int[] targetAaaa; // CNAME answer -> (target, AAAA) question, else -1
  private final boolean[] aaaa; // [question] -> asks AAAA
  private final int[] intended; // [question * 2 + setting] -> terminal provenance ordinal
  private final boolean[] perClient; // [slot] -> one entry per client
  private final boolean anyPerClient;

  private AnswerTable(List<Question> questions, List<Answer> answers, List<Name> cnameOwners,
      int[] answerOf, int[] cnameSlotOf, Map<Question, Integer> index) {
    this.questions = List.copyOf(questions);
    this.answers = List.copyOf(answers);
    this.cnameOwners = List.copyOf(cnameOwners);
    this.answerOf = answerOf;
    this.cnameSlotOf = cnameSlotOf;
    int n = answers.size();
    kind = new int[n];
    provenance = new int[n];
    ttlMs = new long[n];
    targetA = new int[n];
    targetAaaa = new int[n];
    for (int a = 0; a < n; a++) {
      Answer answer = answers.get(a);
      kind[a] = answer.kind().ordinal();
      provenance[a] = answer.provenance().ordinal();
      ttlMs[a] = answer.ttlSeconds() * 1000L;
      Name t = answer.target() == null ? null : answer.target().name();
      targetA[a] = t == null ? -1 : index.get(new Question(t, Type.A));
      targetAaaa[a] = t == null ? -1 : index.get(new Question(t, Type.AAAA));
    }
    aaaa = new boolean[questions.size()];
    for (int q = 0; q < questions.size(); q++) {
      aaaa[q] = questions.get(q).type() == Type.AAAA;
    }
    perClient = new boolean[questions.size() + cnameOwners.size()];
    boolean any = false;
    for (int q = 0; q < questions.size(); q++) {
      if (questions.get(q).perClient()) {
        perClient[q] = true;
        any = true;
        if (cnameSlotOf[q] >= 0) {
          perClient[cnameSlotOf[q]] = true;
        }
      }
    }
    anyPerClient = any;
    intended = new int[questions.size() * 2];
    for (int q = 0; q < questions.size(); q++) {
      for (int s = 0; s < 2; s++) {
        int a = answerOf[q * 2 + s];
        int current = q;
        while (kind[a] == AnswerKind.CNAME.ordinal()) {
          current = target(a, current);
          a = answerOf[current * 2 + s];
        }
        intended[q * 2 + s] = provenance[a];
      }
    }
  }

  public static AnswerTable build(Authority authority, List<Question> clientQuestions) {
    List<Question> questions = new ArrayList<>();
    Map<Question, Integer> index = new HashMap<>();
    for (Question q : clientQuestions) {
      if (!index.containsKey(q)) {
        index.put(q, questions.size());
        questions.add(q);
      }
    }
    List<Answer> answers = new ArrayList<>();
    Map<Answer, Integer> interned = new HashMap<>();
    List<int[]> answerPairs = new ArrayList<>();
    // Breadth-first over CNAME targets; the list grows while we walk it.
    for (int q = 0; q < questions.size(); q++) {
      int[] pair = new int[2];
      for (int s = 0; s < 2; s++) {
        Answer a = authority.answer(questions.get(q), s == 1);
        authority.resolveTerminal(questions.get(q), s == 1); // refuses loops and long chains
        pair[s] = interned.computeIfAbsent(a, x -> {
          answers.add(x);
          return answers.size() - 1;
        });
        if (a.target() != null) {
          // Both families: the CNAME slot is shared by the owner's A and AAAA lookups.
          for (int type : new int[] {Type.A, Type.AAAA}) {
            Question t = new Question(a.target().name(), type);
            if (!index.containsKey(t)) {
              index.put(t, questions.size());
              questions.add(t);
            }
          }
        }
      }
      answerPairs.add(pair);
    }
    int[] answerOf = new int[questions.size() * 2];
    for (int q = 0; q < questions.size(); q++) {
      answerOf[q * 2] = answerPairs.get(q)[0];
      answerOf[q * 2 + 1] = answerPairs.get(q)[1];
    }
    List<Name> cnameOwners = new ArrayList<>();
    Map<Name, Integer> ownerSlot = new HashMap<>();
    int[] cnameSlotOf = new int[questions.size()];
    for (int q = 0; q < questions.size(); q++) {
      cnameSlotOf[q] = -1;
      for (int s = 0; s < 2; s++) {
        if (answers.get(answerOf[q * 2 + s]).kind() == AnswerKind.CNAME) {
          Name owner = questions.get(q).name();
          Integer slot = ownerSlot.get(owner);
          if (slot == null) {
            slot = questions.size() + cnameOwners.size();
            ownerSlot.put(owner, slot);
            cnameOwners.add(owner);
          }
          cnameSlotOf[q] = slot;
        }
      }
    }
    return new AnswerTable(questions, answers, cnameOwners, answerOf, cnameSlotOf, index);
  }

  public int questionCount() {
    return questions.size();
  }

  /** Cache slots per resolver: one per question plus one per CNAME owner. */
  public int slotCount() {
    return questions.size() + cnameOwners.size();
  }

  public Question question(int q) {
    return questions.get(q);
  }

  public List<Question> questions() {
    return questions;
  }

  public int indexOf(Question q) {
    int i = questions.indexOf(q);
    if (i < 0) {
      throw new IllegalArgumentException("unknown question " + q);
    }
    return i;
  }

  /** Human name of a cache slot, for reports and errors. */
  public String slotName(int slot) {
    return slot < questions.size()
        ? questions.get(slot).toString()
        : cnameOwners.get(slot - questions.size()) + " " + Type.string(Type.CNAME);
  }

  public Answer answer(int answerId) {
    return answers.get(answerId);
  }

  public int answerCount() {
    return answers.size();
  }

  public int answerOf(int question, boolean enabled) {
    return answerOf[question * 2 + (enabled ? 1 : 0)];
  }

  public int cnameSlotOf(int question) {
    return cnameSlotOf[question];
  }

  public boolean isCname(int answerId) {
    return kind[answerId] == AnswerKind.CNAME.ordinal();
  }

  public int provenance(int answerId) {
    return provenance[answerId];
  }

  public long ttlMs(int answerId) {
    return ttlMs[answerId];
  }

  /** The question a CNAME answer leads to when followed for {@code question}'s type, or -1. */
  public int target(int answerId, int question) {
    return aaaa[question] ? targetAaaa[answerId] : targetA[answerId];
  }

  /** Whether {@code slot} holds one entry per client (a pattern question, or its CNAME owner). */
  public boolean isPerClient(int slot) {
    return perClient[slot];
  }

  /** Whether some client asks a name of its own. */
  public boolean anyPerClient() {
    return anyPerClient;
  }

  /** Terminal provenance once the setting has propagated everywhere: the intended answer. */
  public int intendedProvenance(int question, boolean enabled) {
    return intended[question * 2 + (enabled ? 1 : 0)];
  }
}
