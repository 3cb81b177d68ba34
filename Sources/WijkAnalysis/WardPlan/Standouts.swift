import Cartography

/// Picks what stands out in a ward's plan, each as a sentence with its number.
///
/// Rules, all on numbers already in the plan:
/// - concentration: a concentration ward (its own location quotient at or above the configured
///   quotient, ``IndicatorAnalysis/isConcentrationWard(_:kind:quotient:rankedWards:)``), said with its
///   value, how many times the city's value it is, and its rank;
/// - rank: otherwise among the three highest or three lowest wards of an indicator ("highest
///   electricity use per household of all 30 wards: 5,024 kWh, 37% above the city");
/// - city: otherwise a value at least 25% above or below the city's (LQ ≥ 1.25 or ≤ 0.75),
///   means and rates only, and only when the rank is on the same side (upper half above);
/// - surroundings: a significant local Moran or Gi* result (after the run's multiple-testing
///   correction), as one sentence about the ward's neighbours (``SpatialWording``): it never
///   calls the ward itself high or low unless its own figures say so;
/// - trend: a change of at least 10% between the first and last year of the trend that
///   differs by at least 5 percentage points from the city's change.
/// The list is ordered by a score (how far from the city, how extreme the rank) and cut at
/// `limit`.
public enum Standouts {
  /// Share above or below the city from which a value is remarkable.
  public static let cityDeviation = 0.25
  /// Relative change over the trend from which a change is remarkable.
  public static let trendChange = 0.10
  /// How far the ward's relative change must differ from the city's.
  public static let trendDifference = 0.05

  /// What stands out in `plan` by the rules above, most remarkable first, at most `limit`.
  public static func pick(_ plan: WardPlan, limit: Int = 6) -> [Standout] {
    let t = PlanWords(plan)
    var out: [Standout] = []
    for i in plan.indicators {
      if let s = concentration(i, t) ?? rank(i, plan, t) ?? city(i, t) { out.append(s) }
      if let s = surroundings(i, t) { out.append(s) }
    }
    for trend in plan.trend {
      if let i = plan.indicators.first(where: { $0.id == trend.indicator }),
        let s = change(trend, i, t)
      {
        out.append(s)
      }
    }
    return Array(out.sorted { $0.score > $1.score }.prefix(limit))
  }

  static func rank(_ i: PlanIndicator, _ plan: WardPlan, _ t: PlanWords) -> Standout? {
    guard let r = i.ward.rank, let v = i.ward.value, i.rankedWards >= 6 else { return nil }
    let fromBottom = i.rankedWards - r
    guard r <= 3 || fromBottom < 3 else { return nil }
    let position = r <= 3 ? t.highest(r) : t.lowest(fromBottom + 1)
    let text = t.sentence(
      t(
        "\(position) \(t.lower(i.label)) van alle \(i.rankedWards) wijken",
        "\(position) \(t.lower(i.label)) of all \(i.rankedWards) wards")
        + ": " + t.value(v, i) + t.againstCity(i))
    let extremity = Double(3 - min(r - 1, fromBottom)) + abs((i.ward.locationQuotient ?? 1) - 1)
    return Standout(kind: "rank", indicator: i.id, text: text, value: v, score: 2 + extremity)
  }

  static func city(_ i: PlanIndicator, _ t: PlanWords) -> Standout? {
    guard i.kind != "count", let v = i.ward.value, let lq = i.ward.locationQuotient,
      abs(lq - 1) >= cityDeviation
    else { return nil }
    // a city value pulled by a few large wards can put a ward in the upper half below it (or
    // one in the lower half above it): "27% below the city (rank 5 of 25)" would read as a
    // contradiction, so the comparison is said only when the rank agrees
    if let r = i.ward.rank, (lq > 1) != (2 * r <= i.rankedWards) { return nil }
    let rank =
      i.ward.rank.map {
        t(" (rang \($0) van \(i.rankedWards))", " (rank \($0) of \(i.rankedWards))")
      } ?? ""
    let text = t.sentence(t.lower(i.label) + ": " + t.value(v, i) + t.againstCity(i) + rank)
    return Standout(kind: "city", indicator: i.id, text: text, value: v, score: 1 + abs(lq - 1))
  }

  static func concentration(_ i: PlanIndicator, _ t: PlanWords) -> Standout? {
    guard i.ward.flags.contains("concentration ward"), let v = i.ward.value,
      let lq = i.ward.locationQuotient
    else { return nil }
    let style = NumberStyle(t.language)
    let times = style.format(lq, decimals: 1)
    let city = i.cityValue.map { t.value($0, i) } ?? "–"
    var position = ""
    if let r = i.ward.rank {
      position =
        r <= 3
        ? t(
          " (\(t.highest(r)) van alle \(i.rankedWards) wijken)",
          " (\(t.highest(r)) of all \(i.rankedWards) wards)")
        : t(" (rang \(r) van \(i.rankedWards))", " (rank \(r) of \(i.rankedWards))")
    }
    let text = t.sentence(
      t(
        "concentratiewijk voor \(t.lower(i.label)): \(t.value(v, i)), \(times) keer het stadscijfer van \(city)",
        "concentration ward for \(t.lower(i.label)): \(t.value(v, i)), \(times) times the city's \(city)"
      ) + position)
    return Standout(kind: "concentration", indicator: i.id, text: text, value: v, score: 3 + lq)
  }

  /// The ward's surroundings as the significant local tests found them (``SpatialWording``).
  static func surroundings(_ i: PlanIndicator, _ t: PlanWords) -> Standout? {
    guard
      let phrase = SpatialWording.surroundings(
        i.ward, rankedWards: i.rankedWards, t.language)
    else { return nil }
    let both =
      SpatialWording.lisaNeighbours(i.ward) != nil
      && SpatialWording.giNeighbours(i.ward) != nil
    return Standout(
      kind: "cluster", indicator: i.id, text: t.sentence(t.lower(i.label) + ": " + phrase),
      value: i.ward.lisaPseudoP ?? i.ward.giStarPseudoP, score: both ? 2.5 : 2.2)
  }

  static func change(_ trend: PlanTrend, _ i: PlanIndicator, _ t: PlanWords) -> Standout? {
    guard let first = trend.points.first, let last = trend.points.last, first.year != last.year,
      let a = first.ward, let b = last.ward, a > 0
    else { return nil }
    let relative = b / a - 1
    guard abs(relative) >= trendChange else { return nil }
    let cityChange = first.city.flatMap { ca in last.city.map { ca > 0 ? $0 / ca - 1 : .nan } }
    if let c = cityChange, !(abs(relative - c) >= trendDifference) { return nil }
    let style = NumberStyle(t.language)
    let pct = style.percent(abs(relative), decimals: 0)
    let verb = relative > 0 ? t("steeg", "rose") : t("daalde", "fell")
    var text =
      t.lower(i.label) + " \(verb) \(pct) " + t("van", "from") + " \(first.year) "
      + t("tot", "to") + " \(last.year) (" + t.value(a, i) + " → " + t.value(b, i) + ")"
    if let c = cityChange { text += t("; stad ", "; city ") + signed(c, style) }
    return Standout(
      kind: "trend", indicator: i.id, text: t.sentence(text), value: relative,
      score: 1 + abs(relative))
  }

  static func signed(_ share: Double, _ style: NumberStyle) -> String {
    (share >= 0 ? "+" : "−") + style.percent(abs(share), decimals: 0)
  }
}

/// The words of a plan in its language, and its number formats.
struct PlanWords {
  let language: Language
  let threshold: Int

  init(_ plan: WardPlan) {
    language = Language(rawValue: plan.language) ?? .dutch
    threshold = plan.smallNumberThreshold
  }

  func callAsFunction(_ nl: String, _ en: String) -> String { language == .dutch ? nl : en }

  func highest(_ r: Int) -> String {
    [
      t("hoogste", "highest"), t("op één na hoogste", "second highest"),
      t("op twee na hoogste", "third highest"),
    ][r - 1]
  }

  func lowest(_ r: Int) -> String {
    [
      t("laagste", "lowest"), t("op één na laagste", "second lowest"),
      t("op twee na laagste", "third lowest"),
    ][r - 1]
  }

  private func t(_ nl: String, _ en: String) -> String { callAsFunction(nl, en) }

  /// A label in running text: first letter lower case unless the word is an acronym.
  func lower(_ label: String) -> String {
    guard let first = label.first, label.dropFirst().first?.isLowercase ?? true else {
      return label
    }
    return first.lowercased() + label.dropFirst()
  }

  func sentence(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.uppercased() + text.dropFirst()
  }

  /// A value with its unit; counts below the threshold as "<5".
  func value(_ v: Double, _ i: PlanIndicator) -> String {
    let style = NumberStyle(language)
    if i.kind == "count" { return style.count(Int(v.rounded()), suppressBelow: threshold) }
    let unit = i.unit.map { $0 == "%" ? "%" : " \($0)" } ?? ""
    return style.format(v, decimals: abs(v) >= 100 ? 0 : 1) + unit
  }

  /// ", 37% above the city" (means and rates), ", 4.1% of the city" (counts).
  func againstCity(_ i: PlanIndicator) -> String {
    let style = NumberStyle(language)
    if i.kind == "count" {
      return i.ward.shareOfCity.map {
        ", " + style.percent($0, decimals: 1) + t(" van de stad", " of the city")
      } ?? ""
    }
    guard let lq = i.ward.locationQuotient else { return "" }
    let pct = style.percent(abs(lq - 1), decimals: 0)
    if abs(lq - 1) < 0.005 { return t(", gelijk aan de stad", ", level with the city") }
    return ", \(pct) "
      + (lq > 1 ? t("boven de stad", "above the city") : t("onder de stad", "below the city"))
  }
}
