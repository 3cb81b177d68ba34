import Cartography

/// Words for what a check's rules and programme changes are about, so that the report names
/// indicators and facilities, not the profile's ids or the ward table's columns.
enum CheckLabels {
  /// The subject of `o` in words: "Afstand tot de dichtstbijzijnde school", or the label of
  /// its indicator (`specs` holds the configuration's and the profile's indicators).
  static func rule(_ o: RuleOutcome, _ specs: [IndicatorSpec], _ t: Words) -> String? {
    if o.kind == Rule.Kind.maxDistance.rawValue {
      return t("Afstand tot ", "Distance to ") + FacilityKindName.nearest(o.subject, t.language)
    }
    return specs.first { $0.id == o.subject }?.label.text(t.language.rawValue)
  }

  /// The ward-table column `column` in words, through the indicator that reads it: a count's
  /// label, else "teller van …" or "noemer van …"; `nil` when no indicator reads it.
  static func column(_ column: String, _ specs: [IndicatorSpec], _ t: Words) -> String? {
    let lang = t.language.rawValue
    if let s = specs.first(where: { $0.numerator == column }) {
      return s.kind == .count
        ? s.label.text(lang) : t("teller van ", "numerator of ") + "‘\(s.label.text(lang))’"
    }
    if let s = specs.first(where: { $0.base == column }) {
      return t("noemer van ", "base of ") + "‘\(s.label.text(lang))’"
    }
    return nil
  }
}
