import Cartography

/// The name of a facility kind as a report writes it: the kind codes of a facilities layer
/// (`school`, `public_transport_stop`) are identifiers, not words.
enum FacilityKindName {
  /// Dutch and English names of the kinds the example profile and the common facility layers
  /// use (OpenStreetMap-like codes).
  static let known: [String: (nl: String, en: String)] = [
    "school": ("school", "school"), "primary_school": ("basisschool", "primary school"),
    "secondary_school": ("secundaire school", "secondary school"),
    "kindergarten": ("kleuterschool", "nursery school"), "childcare": ("kinderopvang", "childcare"),
    "shop": ("winkel", "shop"), "supermarket": ("supermarkt", "supermarket"),
    "park": ("park", "park"), "playground": ("speelterrein", "playground"),
    "public_transport_stop": ("halte van het openbaar vervoer", "public transport stop"),
    "bus_stop": ("bushalte", "bus stop"), "station": ("station", "railway station"),
    "doctor": ("huisarts", "general practitioner"), "pharmacy": ("apotheek", "pharmacy"),
    "library": ("bibliotheek", "library"), "sports": ("sportterrein", "sports ground"),
    "community_centre": ("buurthuis", "community centre"),
  ]

  /// Dutch names that take "het" (the others take "de").
  static let neuter: Set<String> = ["park", "station", "speelterrein", "sportterrein", "buurthuis"]

  /// "the nearest `kind`" with the right Dutch article: "het dichtstbijzijnde park", "de
  /// dichtstbijzijnde school"; "the nearest school" in English.
  static func nearest(_ kind: String, _ language: Language) -> String {
    let n = name(kind, language)
    guard language == .dutch else { return "the nearest \(n)" }
    return (neuter.contains(n) ? "het" : "de") + " dichtstbijzijnde \(n)"
  }

  /// `kind` in words: its known name, else the code with spaces for underscores.
  static func name(_ kind: String, _ language: Language) -> String {
    if let k = known[kind] { return language == .dutch ? k.nl : k.en }
    return kind.replacingOccurrences(of: "_", with: " ")
  }
}
