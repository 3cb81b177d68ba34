import Cartography
import WijkCore
import WijkIO

/// The working GeoPackage of a run (``WorkingFiles/wards``, exact, not for publication) as a
/// city GIS office opens it in QGIS: counts as integers, a QGIS style per indicator in
/// `layer_styles` (the choropleth with the palette and legend wording of the SVG map,
/// ``IndicatorMaps``; the LISA clusters in GeoDa's colours, ``ClusterCategory``), the first
/// indicator's choropleth as the style QGIS applies on opening, and field aliases and
/// descriptions in the run's language (Dutch for `language: nl`) both in each style and in
/// `gpkg_data_columns`.
///
/// The styles' classes are the exact figures' (the run's own classes over every ward), not the
/// published map's (classes over the published values, ``Publication``): the file holds the
/// exact values, and the published bounds would sort them into classes that do not hold their
/// counts, and colour the wards the published map greys out. Each style's description says
/// that its classes are exact and not for publication; the published map is `maps/<id>.svg`.
///
/// QGIS's graduated renderer leaves a ward without a value unpainted (the SVG hatches it).
public enum WardGeoPackage {
  /// The ward layer: ``WardExport/layer(_:table:)`` with the count columns as integers (the
  /// value of a `count` indicator, the numerator of a `count` or `rate`, every base), when
  /// every value in them is a whole number.
  public static func layer(_ run: Analysis.Run) -> Layer {
    var layer = WardExport.layer(run.result, table: run.table)
    let counts = Set(
      run.result.indicators.flatMap { i in
        (i.kind == "count" ? [i.id] : []) + (i.kind == "mean" ? [] : ["\(i.id)_num"])
          + ["\(i.id)_base"]
      })
    for (k, field) in layer.fields.enumerated() where counts.contains(field.name) {
      let values = layer.features.map { $0.values[k] }
      guard values.allSatisfy(isWholeOrMissing) else { continue }
      layer.fields[k].type = .integer
      for f in layer.features.indices {
        if case .real(let x) = layer.features[f].values[k] {
          layer.features[f].values[k] = .integer(Int64(x))
        }
      }
    }
    return layer
  }

  /// Adds the styles and column descriptions of `run` to the GeoPackage at `path`, whose
  /// layer `wards` was written from ``layer(_:)``.
  /// - Throws: `IOError` from GDAL; `CartographyError` when a map's classes do not fit (a bug).
  public static func addStyles(_ run: Analysis.Run, to path: String) throws {
    let language = Language(rawValue: run.result.language) ?? .dutch
    let columns = columns(run.result, language: language)
    let aliases = columns.map { QGISStyle.Alias(field: $0.column, alias: $0.name) }
    try GeoPackageStyling.write(
      styles: try styles(run, aliases: aliases, language: language), columns: columns,
      layer: "wards", to: path)
  }

  /// Per indicator of the exact result, in order: `<id>` (the choropleth, when it has
  /// classes) and `<id>_lisa`; the first is the default.
  static func styles(_ run: Analysis.Run, aliases: [QGISStyle.Alias], language: Language)
    throws -> [GeoPackageStyle]
  {
    let t = Words(language: language)
    var styles: [GeoPackageStyle] = []
    for i in run.result.indicators {
      if let map = try IndicatorMaps.choroplethMap(
        i, withheldWardIDs: [], table: run.table, credits: SummaryReport.credits(run.result),
        language: language)
      {
        styles.append(
          GeoPackageStyle(
            name: i.id, qml: choropleth(i, map, aliases: aliases).qml, isDefault: false,
            description: "\(i.label): \(map.classification.method); "
              + t("exacte klassen, niet om te publiceren", "exact classes, not for publication")))
      }
      styles.append(
        GeoPackageStyle(
          name: "\(i.id)_lisa", qml: clusters(i, language: language, aliases: aliases).qml,
          isDefault: false, description: t("LISA-clusters", "LISA clusters") + ": \(i.label)"))
    }
    if !styles.isEmpty { styles[0].isDefault = true }
    return styles
  }

  /// The graduated style of the choropleth `map` of `i`: its classes, colours and labels.
  static func choropleth(_ i: IndicatorResult, _ map: ChoroplethMap, aliases: [QGISStyle.Alias])
    -> QGISStyle
  {
    let bounds = map.classification.upperBounds
    let labels = map.classLabels()
    let ranges = bounds.indices.map { c in
      QGISStyle.Range(
        lower: c == 0 ? (map.classification.minimum ?? bounds[0]) : bounds[c - 1],
        upper: bounds[c], label: labels[c], colour: map.palette.colours[c])
    }
    let method = i.classes?.method ?? ""
    let qgisMethod =
      method.hasPrefix("quantiles")
      ? "Quantile" : method.hasPrefix("equal") ? "EqualInterval" : "Jenks"
    return .graduated(field: i.id, method: qgisMethod, ranges: ranges, aliases: aliases)
  }

  /// The categorized style of `<id>_lisa`: each value the analysis writes, in the cluster
  /// map's colour and legend word; any other value as "no data".
  static func clusters(_ i: IndicatorResult, language: Language, aliases: [QGISStyle.Alias])
    -> QGISStyle
  {
    let t = Words(language: language)
    let values = ["HH", "LH", "LL", "HL", "not significant", "not tested", "no neighbours", ""]
    let categories = values.map { value in
      let category = IndicatorMaps.clusterCategory(value)
      let label =
        value == "not tested"
        ? category.label(language) + t(" (niet getoetst)", " (not tested)")
        : category.label(language)
      return QGISStyle.Category(value: value, label: label, colour: category.colour)
    }
    return .categorized(field: "\(i.id)_lisa", categories: categories, aliases: aliases)
  }

  /// A name (the QGIS alias), title and description for every field of ``layer(_:)``;
  /// names are unique, as `gpkg_data_columns` requires.
  static func columns(_ r: AnalysisResult, language: Language) -> [GeoPackageColumn] {
    let t = Words(language: language)
    var known: [String: (String, String)] = [
      "code": (t("Wijkcode", "Ward code"), t("Code van de wijk (tekst)", "Ward code (text)")),
      "name": (t("Wijk", "Ward"), t("Naam van de wijk", "Ward name")),
      "area_km2": (t("Oppervlakte (km²)", "Area (km²)"), t("Oppervlakte in km²", "Area in km²")),
    ]
    for i in r.indicators {
      let label = i.label + (i.unit.map { " (\($0))" } ?? "")
      known[i.id] = (label, t("Waarde van de indicator", "Value of the indicator"))
      for (suffix, nl, en) in statistics {
        known["\(i.id)_\(suffix)"] = ("\(i.label): \(t(nl.0, en.0))", t(nl.1, en.1))
      }
    }
    var used = Set<String>()
    return WardExport.fields(r).map { field in
      let (alias, description) = known[field.name] ?? (field.name, field.name)
      let name = used.insert(alias).inserted ? alias : "\(alias) [\(field.name)]"
      used.insert(name)
      return GeoPackageColumn(
        column: field.name, name: name, title: alias, description: description)
    }
  }

  /// Column suffix, (Dutch alias, description), (English alias, description).
  static let statistics: [(String, (String, String), (String, String))] = [
    ("num", ("teller", "Som van de teller over de wijk"), ("numerator", "Sum of the numerator")),
    ("base", ("noemer", "Som van de noemer (basis) over de wijk"), ("base", "Sum of the base")),
    (
      "share",
      ("aandeel van de stad", "Aandeel van de wijk in het stadstotaal van de teller (0–1)"),
      ("share of the city", "The ward's share of the city total of the numerator (0–1)")
    ),
    ("density_km2", ("per km²", "Aantal per km² wijkoppervlakte"), ("per km²", "Count per km²")),
    (
      "eb", ("empirisch Bayes", "Empirisch Bayes-gecorrigeerde rate (Marshall)"),
      ("empirical Bayes", "Empirical Bayes smoothed rate (Marshall)")
    ),
    (
      "eb_spatial",
      ("ruimtelijk empirisch Bayes", "Empirisch Bayes-cijfer naar de wijk en haar buren"),
      ("spatial empirical Bayes", "Empirical Bayes rate shrunk towards the ward and its neighbours")
    ),
    (
      "lq", ("locatiequotiënt", "Rate van de wijk gedeeld door de rate van de stad"),
      ("location quotient", "Ward rate divided by the city rate")
    ),
    ("rank", ("rang", "Rang, 1 = hoogste waarde"), ("rank", "Rank, 1 = the highest value")),
    (
      "z", ("z-score", "(waarde − gemiddelde) / standaardafwijking over de wijken"),
      ("z-score", "(value − mean) / standard deviation over the wards")
    ),
    ("lisa_i", ("lokale Moran I", "Lokale Moran I"), ("local Moran I", "Local Moran I")),
    (
      "lisa_p", ("lokale Moran pseudo-p", "Pseudo-p van lokale Moran (permutaties)"),
      ("local Moran pseudo p", "Pseudo p of local Moran (permutations)")
    ),
    (
      "lisa", ("LISA-cluster", "HH, LH, LL, HL bij significantie, anders de reden"),
      ("LISA cluster", "HH, LH, LL, HL when significant, else the reason")
    ),
    ("gistar_z", ("Gi* z", "Getis-Ord Gi* z-waarde"), ("Gi* z", "Getis-Ord Gi* z value")),
    (
      "gistar_p", ("Gi* pseudo-p", "Pseudo-p van Gi* (permutaties)"),
      ("Gi* pseudo p", "Pseudo p of Gi* (permutations)")
    ),
    (
      "hotspot", ("hotspot", "hotspot of coldspot (Gi*, significant)"),
      ("hotspot", "hotspot or coldspot (Gi*, significant)")
    ),
    ("flags", ("kenmerken", "Wat opvalt aan de wijk"), ("flags", "What stands out")),
  ]

  private static func isWholeOrMissing(_ v: AttributeValue) -> Bool {
    switch v {
    case .missing, .integer: true
    case .real(let x): x.rounded() == x && abs(x) < 9.0e15
    case .text: false
    }
  }
}
