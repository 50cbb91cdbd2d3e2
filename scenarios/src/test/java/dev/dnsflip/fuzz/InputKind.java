package dev.dnsflip.fuzz;

/** The three kinds of user input dnsflip reads, each with its own mutator. */
enum InputKind {
  SCENARIO("scenario", "yaml"),
  BIND("bind", "txt"),
  API_JSON("api", "json");

  final String key;
  final String extension;

  InputKind(String key, String extension) {
    this.key = key;
    this.extension = extension;
  }

  static InputKind fromKey(String key) {
    for (InputKind k : values()) {
      if (k.key.equals(key)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown input kind '" + key + "' (scenario, bind or api)");
  }
}
