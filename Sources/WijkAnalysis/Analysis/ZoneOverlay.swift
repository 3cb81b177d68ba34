import Foundation
import WijkCore
import WijkEngine
import WijkIO

/// A zone (an area that is not a ward, e.g. the C-Mine site) and the indicators carried
/// onto it from the wards by overlay.
public struct ZoneResult: Sendable, Codable, Equatable {
  /// One indicator on the zone.
  public struct Value: Sendable, Codable, Equatable {
    /// The indicator's `id`.
    public var indicator: String
    /// Σ over wards of the ward's numerator × (area of ward ∩ zone) / (area of ward).
    public var numerator: Double?
    /// Σ over wards of the ward's base × (area of ward ∩ zone) / (area of ward); `nil`
    /// without a base column or when an overlapping ward's base is missing.
    public var base: Double?
    /// The count, or numerator / base (× per) from the carried sums.
    public var value: Double?
  }
  /// The zone's code, from the zone layer's `code` field.
  public var code: String
  /// The zone's name, from the zone layer's `name` field.
  public var name: String
  /// The zone's planar area in km², in the wards' projected CRS.
  public var areaSquareKilometres: Double
  /// Share of the zone's area that lies in some ward (0–1); the rest carries nothing.
  public var coveredShare: Double
  /// Wards the zone overlaps, with the share of the zone in each (0–1).
  public var wardShares: [String: Double]
  /// True when the zone's outline is illustrative (its file name says so).
  public var illustrative: Bool
  /// One carried value per configured indicator, in configuration order.
  public var values: [Value]
}

/// Carries ward counts onto zones by area (areal weighting, Goodchild & Lam 1980, as
/// tobler's `area_interpolate` for extensive variables): each ward's count is assumed spread
/// evenly over the ward. Rates are recomputed from the carried numerators and bases, never
/// averaged.
public enum ZoneOverlay {
  /// - Throws: `IOError` reading the zones; ``AnalysisError/unknownField(file:field:available:)``;
  ///   `EngineError` (CRS mismatch, invalid zone polygon); `JoinError`.
  public static func carry(
    _ source: WardSource, onto wards: Layer, table: WardTable, indicators: [IndicatorSpec]
  ) throws -> [ZoneResult] {
    var zones = try LayerReader.read(
      path: source.file, layer: source.layer,
      assumeCRS: source.crs.map { CRSDefinition(authorityCode: $0) }
    ).layer
    let codes = try WardLayerGate.textColumn(source.code, of: zones)
    let names = try WardLayerGate.textColumn(source.name, of: zones)
    if let crs = zones.crs, crs != wards.crs, let target = wards.crs {
      zones = try Transformer(from: crs, to: target).transform(zones)
    }
    if let bad = try GeometryChecks.problems(in: zones).first {
      throw AnalysisError.invalidWards(
        file: source.file, problems: ["zone \(codes[bad.featureIndex]): \(bad.problem)"])
    }
    let overlaps = try GeometryChecks.intersectionAreas(source: wards, target: zones)
      .map {
        AreaOverlap(source: $0.sourceIndex, ward: $0.targetIndex, squareMetres: $0.squareMetres)
      }
    let columns = Set(indicators.flatMap { [$0.numerator] + ($0.base.map { [$0] } ?? []) })
    let carried = try ArealInterpolation.interpolate(
      sourceAreas: table.areaSquareMetres, wardCount: zones.features.count, overlaps: overlaps,
      extensive: table.columns.filter { columns.contains($0.key) })
    let zoneAreas = try GeometryChecks.areas(of: zones)
    let illustrative = URL(fileURLWithPath: source.file).lastPathComponent.lowercased().contains(
      "illustrative")
    return zones.features.indices.map { z in
      let inZone = overlaps.filter { $0.ward == z }
      let covered = inZone.reduce(0) { $0 + $1.squareMetres }
      return ZoneResult(
        code: codes[z], name: names[z], areaSquareKilometres: zoneAreas[z] / 1e6,
        coveredShare: zoneAreas[z] > 0 ? covered / zoneAreas[z] : 0,
        wardShares: Dictionary(
          inZone.map { (table.codes[$0.source], $0.squareMetres / zoneAreas[z]) },
          uniquingKeysWith: +),
        illustrative: illustrative,
        values: indicators.map { value($0, zone: z, carried: carried.extensive) })
    }
  }

  static func value(_ spec: IndicatorSpec, zone z: Int, carried: [String: [Double?]])
    -> ZoneResult.Value
  {
    let n = carried[spec.numerator]?[z] ?? nil
    let b = spec.base.flatMap { carried[$0]?[z] ?? nil }
    var v = ZoneResult.Value(indicator: spec.id, numerator: n, base: b, value: n)
    if spec.kind != .count {
      let per = spec.kind == .rate ? (spec.per ?? 100) : 1
      v.value = n.flatMap { n in b.flatMap { b in b > 0 ? n / b * per : nil } }
    }
    return v
  }
}
