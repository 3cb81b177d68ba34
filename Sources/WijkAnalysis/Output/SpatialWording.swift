import Cartography
import SpatialStats

/// The words every report uses for a ward's own value and for its surroundings, so that no
/// sentence says the opposite of the ward's own figures.
///
/// Two separate statements:
/// - the ward's own value: its rank, its value against the city (location quotient), and
///   "concentration ward" (``IndicatorAnalysis/isConcentrationWard(_:kind:quotient:rankedWards:)``);
/// - its surroundings, from the significant local tests (local Moran, Gi*, after the run's
///   multiple-testing correction). Conditional permutation keeps the ward's own value, so
///   both tests say whether its neighbours' values are high or low. The phrase names the
///   ward's own value too only when that value agrees: "in een cluster van hoge waarden" for a
///   ward that is itself high, "lage waarde, omgeven door hoge waarden" for one that is itself
///   low, and only "omgeven door hoge waarden" otherwise (a ward at the city's value, or one
///   above the city but in the lower half of the ranking).
///
/// "High" for the ward itself (``OwnLevel``): above the city (LQ ≥ 1.005, i.e. not "level
/// with the city" at the precision printed), in the upper half of the ranking, and, when
/// local Moran placed it, above the mean of the wards (its quadrant starts with H). "Low"
/// mirrors that. A count without a base has no city comparison: its z-score against the
/// wards' mean stands in.
enum SpatialWording {
  /// Where the ward's own value stands, for words.
  enum OwnLevel: Equatable { case high, low, middle }

  /// What the significant local tests say about the ward's neighbours.
  enum Neighbours: Equatable { case high, low }

  /// The phrase of a ward's surroundings.
  enum Position: Equatable {
    case clusterOfHigh, clusterOfLow, highAmongLow, lowAmongHigh, surroundedByHigh,
      surroundedByLow
  }

  /// A relative difference below this is "level with the city" (0% at the precision printed).
  static let level = 0.005

  static func ownLevel(_ w: WardIndicatorValue, rankedWards: Int) -> OwnLevel {
    let versusCity: Double? = w.locationQuotient.map { $0 - 1 } ?? w.zScore
    guard let d = versusCity, let rank = w.rank, rankedWards > 0 else { return .middle }
    let quadrantOwn = w.lisaQuadrant?.first
    let upperHalf = 2 * rank <= rankedWards
    if d >= level, upperHalf, quadrantOwn != "L" { return .high }
    if d <= -level, !upperHalf, quadrantOwn != "H" { return .low }
    return .middle
  }

  /// The neighbours' side from a significant local Moran category (its second letter).
  static func lisaNeighbours(_ w: WardIndicatorValue) -> Neighbours? {
    guard ["HH", "LL", "HL", "LH"].contains(w.lisaCategory) else { return nil }
    return w.lisaCategory.last == "H" ? .high : .low
  }

  /// The neighbours' side from a significant Gi* (the tail of its permutations).
  static func giNeighbours(_ w: WardIndicatorValue) -> Neighbours? {
    switch w.hotspot {
    case "hotspot": .high
    case "coldspot": .low
    default: nil
    }
  }

  static func position(_ n: Neighbours, own: OwnLevel) -> Position {
    switch (n, own) {
    case (.high, .high): .clusterOfHigh
    case (.high, .low): .lowAmongHigh
    case (.high, .middle): .surroundedByHigh
    case (.low, .low): .clusterOfLow
    case (.low, .high): .highAmongLow
    case (.low, .middle): .surroundedByLow
    }
  }

  static func phrase(_ p: Position, _ language: Language) -> String {
    let dutch = language == .dutch
    switch p {
    case .clusterOfHigh:
      return dutch ? "in een cluster van hoge waarden" : "in a cluster of high values"
    case .clusterOfLow:
      return dutch ? "in een cluster van lage waarden" : "in a cluster of low values"
    case .highAmongLow:
      return dutch
        ? "hoge waarde, omgeven door lage waarden" : "high value surrounded by low values"
    case .lowAmongHigh:
      return dutch
        ? "lage waarde, omgeven door hoge waarden" : "low value surrounded by high values"
    case .surroundedByHigh: return dutch ? "omgeven door hoge waarden" : "surrounded by high values"
    case .surroundedByLow: return dutch ? "omgeven door lage waarden" : "surrounded by low values"
    }
  }

  /// The ward's surroundings as local Moran found them, for a table cell: the phrase when
  /// significant, else why not ("niet significant", "geen buren", …).
  static func lisaLabel(_ w: WardIndicatorValue, rankedWards: Int, _ language: Language) -> String {
    guard let n = lisaNeighbours(w) else { return category(w.lisaCategory, language) }
    return phrase(position(n, own: ownLevel(w, rankedWards: rankedWards)), language)
  }

  /// The ward's surroundings as Gi* found them, for a table cell; "–" when not significant.
  static func giLabel(_ w: WardIndicatorValue, rankedWards: Int, _ language: Language) -> String {
    guard let n = giNeighbours(w) else { return "–" }
    return phrase(position(n, own: ownLevel(w, rankedWards: rankedWards)), language)
  }

  /// What the local Geary found, for a table cell: "lijkt op de buren, hoog" (HH), "… laag"
  /// (LL), "lijkt op de buren" (other positive), "verschilt van de buren" (negative); "–"
  /// when not significant or not computed; otherwise the category ("geen gegevens").
  static func gearyLabel(_ w: WardIndicatorValue, _ language: Language) -> String {
    let dutch = language == .dutch
    switch w.localGearyCategory {
    case nil, "not significant": return "–"
    case "HH": return dutch ? "lijkt op de buren, hoog" : "like its neighbours, high"
    case "LL": return dutch ? "lijkt op de buren, laag" : "like its neighbours, low"
    case "other positive": return dutch ? "lijkt op de buren" : "like its neighbours"
    case "negative": return dutch ? "verschilt van de buren" : "unlike its neighbours"
    case let c?: return category(c, language)
    }
  }

  /// One phrase for both tests, with the tests that found it: "in een cluster van hoge
  /// waarden (lokale Moran p = 0,001; Gi* p = 0,001)". `nil` when neither is significant; both
  /// phrases when the two disagree (which conditional permutation makes all but impossible).
  static func surroundings(_ w: WardIndicatorValue, rankedWards: Int, _ language: Language)
    -> String?
  {
    let own = ownLevel(w, rankedWards: rankedWards)
    let style = NumberStyle(language)
    let lisaName = language == .dutch ? "lokale Moran" : "local Moran"
    var found: [(Neighbours, String)] = []
    if let n = lisaNeighbours(w), let p = w.lisaPseudoP {
      found.append((n, "\(lisaName) p = \(style.format(p, decimals: 3))"))
    }
    if let n = giNeighbours(w), let p = w.giStarPseudoP {
      found.append((n, "Gi* p = \(style.format(p, decimals: 3))"))
    }
    guard !found.isEmpty else { return nil }
    var parts: [String] = []
    for side in [Neighbours.high, .low] {
      let tests = found.filter { $0.0 == side }.map(\.1)
      guard !tests.isEmpty else { continue }
      parts.append(
        phrase(position(side, own: own), language) + " (" + tests.joined(separator: "; ") + ")")
    }
    return parts.joined(separator: "; ")
  }

  /// A local Moran category that is not a cluster, in words.
  static func category(_ c: String, _ language: Language) -> String {
    let dutch = language == .dutch
    switch c {
    case "not significant": return dutch ? "niet significant" : "not significant"
    case "not tested": return dutch ? "niet getoetst" : "not tested"
    case "no neighbours": return dutch ? "geen buren" : "no neighbours"
    case "no data": return dutch ? "geen gegevens" : "no data"
    case "undefined": return dutch ? "niet bepaald (geen spreiding)" : "undefined (no variance)"
    case "other positive": return dutch ? "ander positief" : "other positive"
    case "negative": return dutch ? "negatief" : "negative"
    case PublishedIndicator.notPublished: return dutch ? "niet gepubliceerd" : "not published"
    default: return c
    }
  }

  /// "concentratiewijk (LQ 3,34)" for a concentration ward, else `nil`.
  static func concentration(_ w: WardIndicatorValue, _ language: Language) -> String? {
    guard w.flags.contains("concentration ward"), let lq = w.locationQuotient else { return nil }
    let style = NumberStyle(language)
    return (language == .dutch ? "concentratiewijk" : "concentration ward")
      + " (LQ \(style.format(lq, decimals: 2)))"
  }
}

/// The words of multiple testing: how many tests, which correction, which threshold.
enum SignificanceWording {
  static func correction(_ c: MultipleTestingCorrection, _ language: Language) -> String {
    switch c {
    case .fdr: "FDR"
    case .bonferroni: "Bonferroni"
    case .none: language == .dutch ? "geen correctie" : "no correction"
    }
  }

  /// "p < 0,0017": a family's threshold to ``PublishedPrecision/threshold(_:)``.
  static func threshold(_ t: Double, _ language: Language) -> String {
    "p < " + NumberStyle(language).format(t, decimals: PublishedPrecision.threshold(t))
  }

  /// "lokale Moran: 30 toetsen, p < 0,0017, 0 significant; Gi*: …" for one indicator's
  /// families; `nil` when it has none (0 permutations, undefined statistic).
  static func families(_ tests: [TestFamily], _ language: Language) -> String? {
    guard !tests.isEmpty else { return nil }
    let dutch = language == .dutch
    return tests.map { f in
      let names = [
        "local Moran": ("lokale Moran", "local Moran"), "local Geary": ("lokale Geary", "local Geary"),
        "local join count": ("aangrenzende concentratiewijken", "join count of concentration wards"),
      ]
      let name = names[f.statistic].map { dutch ? $0.0 : $0.1 } ?? f.statistic
      return
        "\(name): \(f.tests) "
        + (dutch ? "toetsen, significant bij " : "tests, significant at ")
        + threshold(f.threshold, language) + " (\(f.significant) "
        + (dutch
          ? (f.significant == 1 ? "wijk" : "wijken") : (f.significant == 1 ? "ward" : "wards"))
        + ")"
    }.joined(separator: "; ")
  }

  /// The run's rule in one paragraph: the families, the number of tests, the correction, α.
  static func method(_ s: SignificanceSummary, _ language: Language) -> String {
    let style = NumberStyle(language)
    let alpha = style.format(s.alpha, decimals: 2)
    let global =
      s.globalMoran.map { g in
        language == .dutch
          ? " en \(g.tests) toetsen van Moran's I (één per indicator, samen gecorrigeerd, drempel \(threshold(g.threshold, language)))"
          : " and \(g.tests) tests of Moran's I (one per indicator, corrected together, threshold \(threshold(g.threshold, language)))"
      } ?? ""
    let rule: String
    switch s.correction {
    case .fdr:
      rule =
        language == .dutch
        ? "gecorrigeerd volgens Benjamini–Hochberg voor het verwachte aandeel vals-positieve toetsen (FDR, zoals fdr in esda) op \(alpha): gemiddeld is hoogstens \(style.percent(s.alpha, decimals: 0)) van de significante toetsen toeval"
        : "corrected with the Benjamini–Hochberg false discovery rate (FDR, as esda's fdr) at \(alpha): on average at most \(style.percent(s.alpha, decimals: 0)) of the significant tests are chance"
    case .bonferroni:
      rule =
        language == .dutch
        ? "gecorrigeerd met Bonferroni (p < \(alpha)/aantal toetsen van de familie)"
        : "corrected with Bonferroni (p < \(alpha)/number of tests in the family)"
    case .none:
      rule =
        language == .dutch
        ? "zonder correctie voor meervoudig toetsen (p < \(alpha)): bij veel wijken is een deel van de 'significante' wijken toeval"
        : "without a multiple-testing correction (p < \(alpha)): with many wards some 'significant' wards are chance"
    }
    return language == .dutch
      ? "Meervoudig toetsen: \(s.localTests) lokale toetsen (lokale Moran, Gi*, lokale Geary en, waar een indicator concentratiewijken heeft, de toets op aangrenzende concentratiewijken; per indicator elk één familie over de wijken met een waarde en een buur)\(global), \(rule). Een toets is significant als zijn pseudo-p onder de drempel van zijn familie ligt; de drempels staan bij elke indicator."
      : "Multiple testing: \(s.localTests) local tests (local Moran, Gi*, local Geary and, where an indicator has concentration wards, their join count; per indicator each one family over the wards with a value and a neighbour)\(global), \(rule). A test is significant when its pseudo p is below its family's threshold; the thresholds are given with each indicator."
  }
}

extension SignificanceWording {
  /// The significance note of a ward plan: the correction, the families, the number of tests
  /// and each indicator's threshold (local Moran and Gi* share it when they coincide).
  static func planNote(_ plan: WardPlan, _ language: Language) -> String {
    let dutch = language == .dutch
    let s = plan.multipleTesting
    let name = correction(s.correction, language)
    let thresholds = plan.indicators.compactMap { i -> String? in
      let t = Array(Set(i.tests.map(\.threshold))).sorted()
      guard !t.isEmpty else { return nil }
      return "\(i.label) " + t.map { threshold($0, language) }.joined(separator: " / ")
    }
    let sizes = plan.indicators.flatMap(\.tests).map(\.tests)
    var text =
      dutch
      ? "Significant: pseudo-p onder de drempel na correctie (\(name)), per indicator en per toets samen over de wijken"
      : "Significant: pseudo p below the threshold after correction (\(name)), per indicator and test together over the wards"
    if let low = sizes.min(), let high = sizes.max() {
      let range = low == high ? "\(low)" : "\(low)–\(high)"
      text += dutch ? " (\(range) toetsen per familie)" : " (\(range) tests per family)"
    }
    text +=
      dutch
      ? "; \(s.localTests) lokale toetsen in de hele analyse."
      : "; \(s.localTests) local tests in the whole analysis."
    if !thresholds.isEmpty {
      text += (dutch ? " Drempels: " : " Thresholds: ") + thresholds.joined(separator: "; ") + "."
    }
    text +=
      dutch
      ? " De toetsen houden de waarde van de wijk zelf vast en zeggen dus iets over haar buren; de eigen waarde staat in de tabel hierboven."
      : " The tests keep the ward's own value fixed, so they speak about its neighbours; its own value is in the table above."
    return text
  }
}
