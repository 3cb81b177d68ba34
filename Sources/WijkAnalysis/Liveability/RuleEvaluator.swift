import Cartography

/// What a rule is judged on: one indicator's results before and after, for the wards in
/// scope, or the surroundings' aggregate values.
struct RuleInput {
  var before: Double?
  var after: Double?
  /// Wards in scope with their results (ward scope: one ward).
  var wardsBefore: [WardIndicatorValue] = []
  var wardsAfter: [WardIndicatorValue] = []
  var unit: String?
  var decimals: Int = 1
}

/// Judges one rule (see ``Rule/Kind``). A rule judges what the project changes: a value that
/// was already beyond a limit and that the project does not move the wrong way passes, with
/// the existing situation said in the explanation.
struct RuleEvaluator {
  let words: Words
  var style: NumberStyle { NumberStyle(words.language) }

  func evaluate(_ rule: Rule, _ input: RuleInput) -> (Verdict, String) {
    switch rule.kind {
    case .threshold: threshold(rule, input)
    case .maxChange: maxChange(rule, input)
    case .noNewConcentration: newFlag(rule, input, flag: "concentration ward")
    case .noHotspot: newFlag(rule, input, flag: "hotspot")
    case .maxDistance: distance(rule, input)
    }
  }

  /// "attention > 80, fail > 90" (or < for `below`).
  static func thresholdText(_ rule: Rule, _ style: NumberStyle) -> String {
    let dutch = style.language == .dutch
    let op: String =
      switch (rule.kind, rule.direction) {
      case (.threshold, "below"): "<"
      case (.maxChange, "increase"): dutch ? "stijging >" : "rise >"
      case (.maxChange, "decrease"): dutch ? "daling >" : "fall >"
      case (.maxChange, _): dutch ? "verandering >" : "change >"
      default: ">"
      }
    let unit = rule.kind == .maxDistance ? " m" : ""
    func f(_ v: Double) -> String { style.format(v, decimals: v.rounded() == v ? 0 : 1) + unit }
    switch rule.kind {
    case .noNewConcentration:
      return dutch ? "geen nieuwe concentratiewijk" : "no new concentration ward"
    case .noHotspot: return dutch ? "geen nieuwe Gi*-hotspot" : "no new Gi* hotspot"
    default:
      var parts: [String] = []
      if let a = rule.attention {
        parts.append((dutch ? "aandacht " : "attention ") + "\(op) \(f(a))")
      }
      if let x = rule.fail { parts.append((dutch ? "falen " : "fail ") + "\(op) \(f(x))") }
      return parts.joined(separator: ", ")
    }
  }

  /// Grades `measured` against the rule's limits, `worseAbove` saying which side is worse.
  static func grade(_ measured: Double, _ rule: Rule, worseAbove: Bool) -> Verdict {
    func beyond(_ limit: Double?) -> Bool {
      guard let limit else { return false }
      return worseAbove ? measured > limit : measured < limit
    }
    if beyond(rule.fail) { return .fail }
    if beyond(rule.attention) { return .attention }
    return .pass
  }

  func n(_ v: Double, _ input: RuleInput) -> String {
    style.format(v, decimals: input.decimals) + (input.unit.map { " \($0)" } ?? "")
  }

  func threshold(_ rule: Rule, _ input: RuleInput) -> (Verdict, String) {
    guard let after = input.after else {
      return (
        .attention,
        words(
          "Er is geen waarde na het project; controleer de gegevens.",
          "There is no value after the project; check the data.")
      )
    }
    let above = rule.direction != "below"
    let verdict = Self.grade(after, rule, worseAbove: above)
    let before = input.before ?? after
    let worsened = above ? after > before : after < before
    let move = words(
      "van \(n(before, input)) naar \(n(after, input))",
      "from \(n(before, input)) to \(n(after, input))")
    if verdict == .pass {
      return (
        .pass,
        words(
          "De waarde gaat \(move) en blijft binnen de grens.",
          "The value goes \(move) and stays within the limit.")
      )
    }
    if !worsened {
      return (
        .pass,
        words(
          "De waarde lag al buiten de grens (\(move)); het project maakt het niet erger.",
          "The value was already beyond the limit (\(move)); the project does not make it worse.")
      )
    }
    return (
      verdict,
      words(
        "De waarde gaat \(move) en overschrijdt de grens.",
        "The value goes \(move) and passes the limit.")
    )
  }

  func maxChange(_ rule: Rule, _ input: RuleInput) -> (Verdict, String) {
    guard let after = input.after, let before = input.before else {
      return (
        .attention,
        words(
          "Zonder waarde voor of na is de verandering onbekend.",
          "Without a value before or after, the change is unknown.")
      )
    }
    let change = after - before
    let measured: Double =
      switch rule.direction {
      case "increase": change
      case "decrease": -change
      default: abs(change)
      }
    let verdict = Self.grade(measured, rule, worseAbove: true)
    let sign = change >= 0 ? "+" : "−"
    let text = sign + n(abs(change), input)
    return (
      verdict,
      verdict == .pass
        ? words(
          "De verandering (\(text)) blijft binnen de grens.",
          "The change (\(text)) stays within the limit.")
        : words(
          "De verandering (\(text)) is groter dan de grens.",
          "The change (\(text)) exceeds the limit.")
    )
  }

  /// Fails when a ward in scope gets `flag` (concentration ward, hotspot) that it did not
  /// have; says "extends" when a neighbouring ward in scope already had it.
  func newFlag(_ rule: Rule, _ input: RuleInput, flag: String) -> (Verdict, String) {
    func has(_ w: WardIndicatorValue) -> Bool {
      flag == "hotspot" ? w.hotspot == "hotspot" : w.flags.contains(flag)
    }
    let before = Set(input.wardsBefore.filter(has).map(\.code))
    let after = Set(input.wardsAfter.filter(has).map(\.code))
    let created = after.subtracting(before).sorted()
    let what =
      flag == "hotspot"
      ? words("Gi*-hotspot", "Gi* hotspot") : words("concentratiewijk", "concentration ward")
    if !created.isEmpty {
      let extends = !before.isEmpty
      // a hotspot is a significant test about the neighbours; a concentration ward is one by
      // its own location quotient, with no test
      let kind =
        flag == "hotspot"
        ? words("significante \(what)", "significant \(what)")
        : what
      return (
        .fail,
        words(
          "Na het project \(extends ? "breidt" : "ontstaat") een \(kind) \(extends ? "uit naar" : "in") \(created.joined(separator: ", ")).",
          "After the project a \(kind) \(extends ? "extends to" : "appears in") \(created.joined(separator: ", "))."
        )
      )
    }
    let kept = after.intersection(before).sorted()
    if !kept.isEmpty {
      let stronger = input.wardsAfter.contains { w in
        guard kept.contains(w.code), let b = input.wardsBefore.first(where: { $0.code == w.code })
        else { return false }
        return flag == "hotspot"
          ? (w.giStarZ ?? 0) > (b.giStarZ ?? 0)
          : (w.locationQuotient ?? 0) > (b.locationQuotient ?? 0)
      }
      if stronger {
        return (
          .attention,
          words(
            "\(kept.joined(separator: ", ")) was al \(what) en het project versterkt dat.",
            "\(kept.joined(separator: ", ")) was already a \(what) and the project strengthens it.")
        )
      }
      return (
        .pass,
        words(
          "\(kept.joined(separator: ", ")) was al \(what); het project versterkt dat niet.",
          "\(kept.joined(separator: ", ")) was already a \(what); the project does not strengthen it."
        )
      )
    }
    return (
      .pass, words("Het project maakt geen nieuwe \(what).", "The project creates no new \(what).")
    )
  }

  func distance(_ rule: Rule, _ input: RuleInput) -> (Verdict, String) {
    let kind = rule.facility ?? ""
    let name = FacilityKindName.name(kind, words.language)
    let nearest = FacilityKindName.nearest(kind, words.language)
    let opening = nearest.prefix(1).uppercased() + nearest.dropFirst()  // starts a sentence
    guard let after = input.after else {
      return (
        .attention,
        words(
          "Er is geen voorziening van het soort \(name) in de voorzieningenlaag.",
          "There is no facility of the kind \(name) in the facilities layer.")
      )
    }
    let verdict = Self.grade(after, rule, worseAbove: true)
    let m = style.format(after, decimals: 0)
    if verdict != .pass, let before = input.before, after <= before {
      return (
        .pass,
        words(
          "\(opening) ligt op \(m) m, al buiten de grens; het project maakt het niet erger.",
          "\(opening) is \(m) m away, already beyond the limit; the project does not make it worse."
        )
      )
    }
    return (
      verdict,
      verdict == .pass
        ? words(
          "\(opening) ligt op \(m) m, binnen de grens.",
          "\(opening) is \(m) m away, within the limit.")
        : words(
          "\(opening) ligt op \(m) m, verder dan de grens.",
          "\(opening) is \(m) m away, beyond the limit.")
    )
  }
}
