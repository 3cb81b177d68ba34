import Foundation
import WijkCore
import WijkEngine
import WijkIO

/// What `wijk join --source` interpolates: the source polygons and their columns.
struct ArealRequest {
  /// The source polygon layer (e.g. statistical sectors).
  var file: String
  /// Its layer, for a GeoPackage with several.
  var layer: String?
  /// The field naming the source polygons (unique); `nil`: their first text field names them
  /// in the report, else their feature numbers.
  var id: String?
  /// Counts, split by area share.
  var extensive: [String]
  /// Densities, area-weighted.
  var intensive: [String]
  /// Rates and means recomputed from split numerators and bases.
  var ratios: [RatioSpec]
}

extension JoinCommand {
  /// Areal interpolation of a polygon layer onto the wards (``ArealInterpolation``).
  ///
  /// The source polygons pass the same gate as the wards (validity, overlaps, duplicate
  /// ids, CRS), projected into the wards' CRS. A rate's numerator and base are interpolated
  /// as counts even when not listed with `--extensive`, and the rate is recomputed from
  /// them; a rate that cannot be (a column that is missing, not a number, or intensive) is an
  /// error, never ignored.
  ///
  /// - Throws: ``CommandInputError/invalidOption(name:value:expected:)``, the gate's errors
  ///   for the source layer, ``AnalysisError/missingCRS(file:)``, `JoinError`,
  ///   `EngineError`.
  static func arealJoin(
    _ a: ArealRequest, wards: Layer, codes: [String], options: WardLoadingOptions,
    _ report: inout JoinCommandReport
  ) throws -> Columns {
    let extensive = try countsToSplit(a)
    guard let wardCRS = wards.crs else { throw AnalysisError.missingCRS(file: wards.source) }
    let source = try sourceUnits(a, into: wardCRS, options: options)
    let overlaps = try GeometryChecks.intersectionAreas(source: source.layer, target: wards)
    let areas = try GeometryChecks.areas(of: source.layer)
    var ext: [String: [Double?]] = [:]
    var int: [String: [Double?]] = [:]
    for c in extensive { ext[c] = try source.numbers(c) }
    for c in a.intensive { int[c] = try source.numbers(c) }
    let result = try ArealInterpolation.interpolate(
      sourceAreas: areas, wardCount: wards.features.count,
      overlaps: overlaps.map {
        AreaOverlap(source: $0.sourceIndex, ward: $0.targetIndex, squareMetres: $0.squareMetres)
      }, extensive: ext, intensive: int, ratios: a.ratios)
    let touched = Set(overlaps.map(\.targetIndex))
    report.kind = "areal"
    report.matched = touched.count
    report.unmatchedWards = codes.indices.filter { !touched.contains($0) }.map { codes[$0] }
    report.splitSources = splitSources(
      labels: try labels(source, a), areas: areas, overlaps: overlaps, codes: codes)
    report.outsideWards = extensive.map { c in
      OutsideTotal(
        column: c, outside: result.extensiveOutside[c] ?? 0,
        total: ext[c]!.compactMap { $0 }.reduce(0, +))
    }.filter { $0.outside > 0 }
    report.notes += arealNotes(a, implicit: extensive.filter { !a.extensive.contains($0) })
    let values = { (v: [Double?]) in v.map { $0.map(AttributeValue.real) ?? .missing(reason: nil) }
    }
    return extensive.map { ($0, values(result.extensive[$0]!)) }
      + a.intensive.map { ($0, values(result.intensive[$0]!)) }
      + a.ratios.map { ($0.name, values(result.ratios[$0.name]!)) }
  }

  /// The extensive columns, with every rate's numerator and base added (in order, once).
  ///
  /// - Throws: ``CommandInputError/invalidOption(name:value:expected:)`` for a rate named
  ///   like a column, or one whose numerator or base is intensive.
  static func countsToSplit(_ a: ArealRequest) throws -> [String] {
    var out = a.extensive
    for r in a.ratios {
      let option = r.per == 1 ? "mean" : "rate"
      if a.extensive.contains(r.name) || a.intensive.contains(r.name) {
        throw CommandInputError.invalidOption(
          name: option, value: r.name,
          expected: "a name that is not also an --extensive or --intensive column")
      }
      for c in [r.numerator, r.base] {
        if a.intensive.contains(c) {
          throw CommandInputError.invalidOption(
            name: option, value: "\(r.name)=\(r.numerator)/\(r.base)",
            expected: "a numerator and base that are counts (--extensive), not --intensive "
              + "like \(c): a rate is recomputed from split counts")
        }
        if !out.contains(c) { out.append(c) }
      }
    }
    return out
  }

  /// The source polygons through the gate, in the wards' CRS.
  static func sourceUnits(_ a: ArealRequest, into crs: CRSDefinition, options: WardLoadingOptions)
    throws -> UnitLayer
  {
    var sourceOptions = options
    sourceOptions.crs = nil  // --crs is the ward layer's
    sourceOptions.projectTo = crs
    let checked = try WardLayerGate.open(
      WardLayerRequest(
        file: a.file, layer: a.layer, codes: a.id.map(WardCodes.field) ?? .featureNumbers,
        requiresCRS: true),
      options: sourceOptions)
    var layer = checked.layer
    let context = PROJContext()
    let from = try CoordinateReferenceSystem(layer.crs!, context: context)
    let to = try CoordinateReferenceSystem(crs, context: context)
    if !from.isEquivalent(to: to) {
      layer = try Transformer(from: from, to: to).transform(layer)
    }
    return UnitLayer(layer: layer, ids: checked.codes, idField: a.id, report: checked.report)
  }

  /// Names of the source polygons: the id field, else the first text field, else
  /// "feature N" (0-based, as every message counts features).
  static func labels(_ source: UnitLayer, _ a: ArealRequest) throws -> [String] {
    if a.id != nil { return source.ids }
    guard let text = source.layer.fields.first(where: { $0.type == .text }),
      let column = source.layer.column(text.name)
    else { return source.layer.features.map { "feature \($0.index)" } }
    return zip(column, source.layer.features).map { $0.text ?? "feature \($1.index)" }
  }

  /// Every source polygon shared by several wards or partly (or wholly) outside them all,
  /// with its area shares per ward, in source order.
  static func splitSources(
    labels: [String], areas: [Double], overlaps: [IntersectionArea], codes: [String]
  ) -> [SplitSource] {
    var pieces: [Int: [IntersectionArea]] = [:]
    for o in overlaps { pieces[o.sourceIndex, default: []].append(o) }
    return areas.indices.compactMap { s in
      let parts = (pieces[s] ?? []).sorted { $0.targetIndex < $1.targetIndex }
      let inside = parts.reduce(0) { $0 + $1.squareMetres }
      let outside = areas[s] > 0 ? max(areas[s] - inside, 0) / areas[s] : 0
      // A millionth of the area is rounding in GEOS's intersections, not a split.
      guard parts.count > 1 || outside > 1e-6 else { return nil }
      return SplitSource(
        source: labels[s],
        shares: parts.map {
          .init(ward: codes[$0.targetIndex], share: $0.squareMetres / areas[s])
        }, outsideShare: outside > 1e-6 ? outside : 0)
    }
  }

  /// How the columns were treated, in words.
  static func arealNotes(_ a: ArealRequest, implicit: [String]) -> [String] {
    var notes: [String] = []
    if !implicit.isEmpty {
      notes.append(
        "split by area as counts for the rates: " + implicit.joined(separator: ", "))
    }
    for r in a.ratios {
      let how = r.per == 1 ? "" : " × " + String(format: "%g", r.per)
      notes.append(
        "\(r.name) = \(r.numerator) / \(r.base)\(how), recomputed per ward from the split counts")
    }
    if !a.intensive.isEmpty {
      notes.append(
        "intensive columns (" + a.intensive.joined(separator: ", ")
          + ") are area-weighted means of the source values (tobler's intensive variables); "
          + "a share or rate of counts is right only when recomputed from them: give it with "
          + "--rate name=numerator/base*per")
    }
    return notes
  }
}
