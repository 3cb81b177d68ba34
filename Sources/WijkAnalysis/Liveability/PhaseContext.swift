import Cartography

/// Everything one phase's comparisons and rules are read from.
struct PhaseContext {
  var location: SiteLocation
  var before: [String: IndicatorResult]
  var after: [String: IndicatorResult]
  var tableBefore: WardTable
  var tableAfter: WardTable
  var distancesBefore: [FacilityDistance]
  var distancesAfter: [FacilityDistance]
  var words: Words
  /// Whether a facilities layer was given; without one, distance rules do not apply.
  var hasFacilities: Bool

  var siteWards: [String] { location.wards.map(\.code) }
  var bufferWards: [String] { location.surroundings.map(\.code) }

  /// Each indicator in each site ward, then in the surroundings.
  func comparisons(_ specs: [IndicatorSpec]) -> [IndicatorComparison] {
    var out: [IndicatorComparison] = []
    for spec in specs {
      guard let b = before[spec.id], let a = after[spec.id] else { continue }
      for code in siteWards {
        // each table by its own index: a programme's table need not keep the wards' order
        guard let i = tableBefore.index(ofCode: code), let k = tableAfter.index(ofCode: code)
        else { continue }
        let (wb, wa) = (b.wards[i], a.wards[k])
        out.append(
          IndicatorComparison(
            indicator: spec.id, label: b.label, unit: b.unit, kind: spec.kind.rawValue,
            scope: "ward", ward: code,
            before: wb.value, after: wa.value, locationQuotientBefore: wb.locationQuotient,
            locationQuotientAfter: wa.locationQuotient, lisaBefore: wb.lisaCategory,
            lisaAfter: wa.lisaCategory, hotspotBefore: wb.hotspot, hotspotAfter: wa.hotspot,
            concentrationBefore: wb.flags.contains("concentration ward"),
            concentrationAfter: wa.flags.contains("concentration ward"),
            surroundingsBefore: SpatialWording.surroundings(
              wb, rankedWards: b.wards.filter { $0.rank != nil }.count, words.language),
            surroundingsAfter: SpatialWording.surroundings(
              wa, rankedWards: a.wards.filter { $0.rank != nil }.count, words.language)))
      }
      out.append(
        IndicatorComparison(
          indicator: spec.id, label: b.label, unit: b.unit, kind: spec.kind.rawValue,
          scope: "surroundings", ward: nil,
          before: SurroundingsValue.value(spec, tableBefore, location),
          after: SurroundingsValue.value(spec, tableAfter, location),
          concentrationBefore: b.wards.contains {
            bufferWards.contains($0.code) && $0.flags.contains("concentration ward")
          },
          concentrationAfter: a.wards.contains {
            bufferWards.contains($0.code) && $0.flags.contains("concentration ward")
          }))
    }
    return out
  }

  /// The outcomes of one rule: one per site ward for value rules in ward scope, else one.
  func outcomes(_ rule: Rule, specs: [IndicatorSpec], applicable: [IndicatorSpec]) -> [RuleOutcome]
  {
    let evaluator = RuleEvaluator(words: words)
    let threshold = RuleEvaluator.thresholdText(rule, NumberStyle(words.language))
    func outcome(_ ward: String?, _ input: RuleInput, _ subject: String) -> RuleOutcome {
      let (verdict, why) = evaluator.evaluate(rule, input)
      return RuleOutcome(
        rule: rule.id, kind: rule.kind.rawValue, subject: subject, scope: rule.scope.rawValue,
        ward: ward, before: input.before, after: input.after, threshold: threshold,
        verdict: verdict,
        explanation: why)
    }
    if rule.kind == .maxDistance {
      let kind = rule.facility ?? ""
      guard hasFacilities else {
        return [
          RuleOutcome(
            rule: rule.id, kind: rule.kind.rawValue, subject: kind, scope: rule.scope.rawValue,
            ward: nil, before: nil, after: nil, threshold: threshold, verdict: .notApplicable,
            explanation: words(
              "Niet van toepassing: er is geen voorzieningenlaag opgegeven (--facilities).",
              "Not applicable: no facilities layer was given (--facilities)."))
        ]
      }
      let b = distancesBefore.first { $0.kind == kind }?.metres
      let a = distancesAfter.first { $0.kind == kind }?.metres
      return [outcome(nil, RuleInput(before: b, after: a, unit: "m", decimals: 0), kind)]
    }
    let id = rule.indicator ?? ""
    guard let spec = applicable.first(where: { $0.id == id }), let b = before[id], let a = after[id]
    else {
      let missing =
        specs.first { $0.id == id }.map { [$0.numerator] + ($0.base.map { [$0] } ?? []) } ?? []
      return [
        RuleOutcome(
          rule: rule.id, kind: rule.kind.rawValue, subject: id, scope: rule.scope.rawValue,
          ward: nil,
          before: nil, after: nil, threshold: threshold, verdict: .notApplicable,
          explanation: words(
            "Niet van toepassing: de wijktabel heeft geen kolom \(missing.filter { tableBefore.columns[$0] == nil }.map { "`\($0)`" }.joined(separator: ", ")) (geen woningregister ingesteld).",
            "Not applicable: the ward table has no column \(missing.filter { tableBefore.columns[$0] == nil }.map { "`\($0)`" }.joined(separator: ", ")) (no housing register configured)."
          ))
      ]
    }
    // as published: EUR and kWh means by magnitude, rates with one decimal
    let decimals = before[spec.id].map(PublishedPrecision.value) ?? (spec.kind == .count ? 0 : 1)
    let scopeWards = rule.scope == .ward ? siteWards : bufferWards
    let pick = { (r: IndicatorResult) in r.wards.filter { scopeWards.contains($0.code) } }
    if rule.kind == .noHotspot || rule.kind == .noNewConcentration {
      let flag = rule.kind == .noHotspot ? "hotspot" : "concentration ward"
      let has = { (w: WardIndicatorValue) in
        flag == "hotspot" ? w.hotspot == "hotspot" : w.flags.contains(flag)
      }
      let input = RuleInput(
        before: Double(pick(b).filter(has).count), after: Double(pick(a).filter(has).count),
        wardsBefore: pick(b), wardsAfter: pick(a), decimals: 0)
      return [outcome(rule.scope == .ward ? siteWards.joined(separator: ", ") : nil, input, id)]
    }
    if rule.scope == .surroundings {
      let input = RuleInput(
        before: SurroundingsValue.value(spec, tableBefore, location),
        after: SurroundingsValue.value(spec, tableAfter, location), unit: b.unit, decimals: decimals
      )
      return [outcome(nil, input, id)]
    }
    return siteWards.compactMap { code in
      guard let i = tableBefore.index(ofCode: code), let k = tableAfter.index(ofCode: code)
      else { return nil }
      let input = RuleInput(
        before: b.wards[i].value, after: a.wards[k].value, wardsBefore: [b.wards[i]],
        wardsAfter: [a.wards[k]], unit: b.unit, decimals: decimals)
      return outcome(code, input, id)
    }
  }
}

/// An indicator's value over the surroundings: each ward's numerator and base weighted by
/// the share of the ward inside the buffer (areal weighting), then Σ numerator for a count,
/// Σ numerator / Σ base (× per) for a rate, Σ numerator / Σ base for a mean.
enum SurroundingsValue {
  /// `nil` when a ward in the buffer has no value, or the weighted base is 0.
  static func value(_ spec: IndicatorSpec, _ table: WardTable, _ location: SiteLocation) -> Double?
  {
    guard let numerators = table.columns[spec.numerator] else { return nil }
    let bases = spec.base.flatMap { table.columns[$0] }
    var n = 0.0
    var b = 0.0
    for w in location.surroundings {
      guard let i = table.index(ofCode: w.code), let x = numerators[i] else { return nil }
      n += x * w.shareOfWard
      if let bases {
        guard let y = bases[i] else { return nil }
        b += y * w.shareOfWard
      }
    }
    switch spec.kind {
    case .count: return n
    case .rate: return b > 0 ? n / b * (spec.per ?? 100) : nil
    case .mean: return b > 0 ? n / b : nil
    case .score: return nil  // a score is not carried by area: it is computed over wards
    }
  }
}
