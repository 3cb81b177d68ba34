import Cartography

extension Publication {
  /// What was withheld, and why, in `language`: the rule, then the withheld figures (or that
  /// none were). Every published output says it once (the codebook of the CSV and the
  /// spreadsheet, the summary, the brochure, the ward plans, the check report).
  public func notes(_ language: Language) -> [String] {
    [rule(language), withheldList(language)]
  }

  /// The rule in one paragraph.
  public func rule(_ language: Language) -> String {
    let t = threshold
    return language == .dutch
      ? "Kleine aantallen (statistische geheimhouding): een aantal van 1 tot \(t - 1) staat als <\(t); wat eruit volgt (waarde, aandeel, dichtheid, EB-cijfer, LQ, rang, z, lokale Moran, Gi*, klasse op de kaart) staat als x en op de kaarten is die wijk grijs, 'niet gepubliceerd'. Waar een totaal zo'n aantal zou teruggeven, is ook het kleinste ander aantal van dezelfde kolom en wijkgroep weggelaten (x: secundaire onderdrukking, zoals statistische bureaus doen; Hundepool e.a., Statistical Disclosure Control, 2012, §4.4). Rangen, z-scores, EB-cijfers, lokale en globale Moran, Gi*, segregatie- en ongelijkheidsindices en kaartklassen zijn berekend over de gepubliceerde wijken; totalen, aandelen en LQ tegenover de hele stad. Afgerond: aantallen op een eenheid, percentages op 0,1, LQ en z op 0,01, p en indices op 0,001."
      : "Small numbers (statistical confidentiality): a count from 1 to \(t - 1) prints as <\(t); what follows from it (value, share, density, EB rate, LQ, rank, z, local Moran, Gi*, class on the map) prints as x, and the maps show the ward grey, 'not published'. Where a total would give such a count back, the smallest other count of the same column and ward group is withheld too (x: secondary suppression, as statistical offices do; Hundepool et al., Statistical Disclosure Control, 2012, §4.4). Ranks, z-scores, EB rates, local and global Moran, Gi*, segregation and inequality indices and map classes are computed over the published wards; totals, shares and LQs against the whole city. Rounded: counts to a unit, percentages to 0.1, LQ and z to 0.01, p and indices to 0.001."
  }

  /// The withheld figures, indicator by indicator, in one sentence.
  public func withheldList(_ language: Language) -> String {
    let nl = language == .dutch
    var parts: [String] = []
    for i in result.indicators {
      let figures = wards[i.id] ?? []
      let small = figures.indices.filter { figures[$0]?.reason == .smallCount }
      let other = figures.indices.filter { figures[$0] != nil && !small.contains($0) }
      var what: [String] = []
      if !small.isEmpty {
        what.append(
          names(small) + (nl ? " (aantal onder \(threshold))" : " (count below \(threshold))"))
      }
      if !other.isEmpty {
        what.append(
          names(other) + (nl ? " (x, om een totaal te beschermen)" : " (x, to protect a total)"))
      }
      if withheldCity.contains(i.id) { what.append(nl ? "het stadstotaal" : "the city total") }
      let groups = withheldGroups.filter { $0.value.contains(i.id) }.keys.sorted()
      if !groups.isEmpty {
        what.append((nl ? "de wijkgroep " : "the ward group ") + groups.joined(separator: ", "))
      }
      let zones = withheldZones.filter { $0.value.contains(i.id) }.keys.sorted().map { code in
        result.zones.first { $0.code == code }?.name ?? code
      }
      if !zones.isEmpty {
        what.append((nl ? "de zone " : "the zone ") + zones.joined(separator: ", "))
      }
      if !what.isEmpty { parts.append(i.label + ": " + what.joined(separator: "; ")) }
    }
    guard !parts.isEmpty else {
      return nl
        ? "Geen enkel cijfer viel onder deze regel." : "No figure fell under this rule."
    }
    return (nl ? "Niet gepubliceerd: " : "Not published: ") + parts.joined(separator: ". ") + "."
  }

  func names(_ wards: [Int]) -> String {
    wards.map { result.wards[$0].shortName }.joined(separator: ", ")
  }
}
