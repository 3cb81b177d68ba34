// Colour palettes for choropleths, chosen by ColorBrewer name.

/// Whether a palette runs from light to dark (one direction of "more") or from one hue
/// through a light middle to another (above and below a meaningful centre).
public enum PaletteKind: String, Hashable, Sendable {
  case sequential, diverging
}

/// The colours of a classed map: one `#rrggbb` colour per class, lowest class first.
///
/// Colours come from ColorBrewer 2.0 (Brewer, Harrower & Penn State; see
/// `ColorBrewerSchemes.swift` for the exact source). Every palette offered here is marked
/// colour-blind safe by ColorBrewer. Diverging schemes start with the warm end: `RdBu` runs
/// red (low) to blue (high); pass `reversed: true` to have red for high values when "higher
/// is worse" (deprivation, vacancy).
public struct Palette: Hashable, Sendable {
  /// The ColorBrewer scheme name, as ColorBrewer spells it (`YlOrRd`).
  public let name: String
  /// Sequential or diverging.
  public let kind: PaletteKind
  /// One lowercase `#rrggbb` colour per class, lowest class first.
  public let colours: [String]

  /// The ColorBrewer scheme `name` with `classes` colours.
  ///
  /// ColorBrewer designs schemes of 3 to 9 classes (sequential) or 3 to 11 (diverging); for
  /// 1 or 2 classes this takes the middle colour, or the two ends, of the 3-class scheme.
  ///
  /// - Parameters:
  ///   - name: a scheme name, case-insensitive: `YlOrRd`, `YlGnBu`, `Blues`, `Purples`,
  ///     `Greens` (sequential) or `RdBu`, `PuOr` (diverging).
  ///   - classes: the number of classes, at least 1.
  ///   - reversed: whether the last colour is given to the lowest class.
  /// - Throws: ``CartographyError/unknownPalette(name:known:)`` for another name;
  ///   ``CartographyError/tooManyClasses(palette:requested:maximum:)`` when the scheme has
  ///   fewer colours than `classes`.
  public static func named(_ name: String, classes: Int, reversed: Bool = false) throws -> Palette {
    guard
      let entry = ColorBrewerSchemes.table.first(where: {
        $0.name.lowercased() == name.lowercased()
      })
    else {
      throw CartographyError.unknownPalette(name: name, known: Palette.names)
    }
    let maximum = entry.schemes.count + 2
    guard classes <= maximum else {
      throw CartographyError.tooManyClasses(
        palette: entry.name, requested: classes, maximum: maximum)
    }
    let three = hexColours(entry.schemes[0])
    var colours: [String]
    switch classes {
    case ...0: colours = []
    case 1: colours = [three[1]]
    case 2: colours = [three[0], three[2]]
    default: colours = hexColours(entry.schemes[classes - 3])
    }
    if reversed { colours.reverse() }
    return Palette(name: entry.name, kind: entry.kind, colours: colours)
  }

  /// A diverging scheme around a centre with `below` classes under it and `above` over it:
  /// the colours either side of the middle of the scheme of 2 × max(below, above) classes,
  /// so that the centre (0 for a change) falls where the hues meet, however many classes
  /// each side has (RdBu, 2 and 1: the two reds, then the lightest blue).
  ///
  /// - Throws: as ``named(_:classes:reversed:)``; ``CartographyError/unknownPalette(name:known:)``
  ///   for a sequential scheme.
  public static func diverging(_ name: String, below: Int, above: Int) throws -> Palette {
    let half = max(below, above, 1)
    let full = try named(name, classes: 2 * half)
    guard full.kind == .diverging else {
      throw CartographyError.unknownPalette(
        name: name, known: Palette.names.filter { (try? named($0, classes: 3).kind) == .diverging })
    }
    let colours = Array(full.colours[(half - below)..<(half + above)])
    return Palette(name: full.name, kind: .diverging, colours: colours)
  }

  /// The names `named(_:classes:reversed:)` accepts, in a stable order.
  public static var names: [String] { ColorBrewerSchemes.table.map(\.name) }

  /// The most classes a scheme offers (9 for sequential, 11 for diverging).
  public static func maximumClasses(_ name: String) -> Int? {
    ColorBrewerSchemes.table.first { $0.name.lowercased() == name.lowercased() }
      .map { $0.schemes.count + 2 }
  }

  /// Splits "ffeda0feb24c" into ["#ffeda0", "#feb24c"].
  static func hexColours(_ packed: String) -> [String] {
    let chars = Array(packed)
    return stride(from: 0, to: chars.count, by: 6).map { "#" + String(chars[$0..<$0 + 6]) }
  }
}
