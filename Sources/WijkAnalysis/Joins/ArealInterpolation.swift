/// The area shared by one source polygon and one ward, in square metres (from GEOS).
public struct AreaOverlap: Hashable, Sendable {
  /// Index into the source list.
  public var source: Int
  /// Index into the ward list.
  public var ward: Int
  /// Intersection area, in m² (projected CRS).
  public var squareMetres: Double
  /// Stores the indices and area as given; ``ArealInterpolation`` checks the indices.
  public init(source: Int, ward: Int, squareMetres: Double) {
    self.source = source
    self.ward = ward
    self.squareMetres = squareMetres
  }
}

/// Values moved from source polygons to wards, and what fell outside every ward.
public struct ArealInterpolationResult: Sendable {
  /// Per extensive variable, its value per ward (`nil` = missing).
  public var extensive: [String: [Double?]]
  /// Per intensive variable, its area-weighted mean per ward (`nil` = missing or no overlap).
  public var intensive: [String: [Double?]]
  /// Per ratio (by ``RatioSpec/name``): `per × numerator / base` of the interpolated
  /// numerator and base per ward; `nil` when either is missing or the base is 0.
  public var ratios: [String: [Double?]] = [:]
  /// Per source, the part of its area outside every ward, in m² (never negative).
  public var outsideSquareMetres: [Double]
  /// Per extensive variable, the total that fell outside every ward.
  public var extensiveOutside: [String: Double]
}

/// Areal interpolation from source polygons (e.g. statistical sectors) to wards, given the
/// intersection areas (the geometric part, done by GEOS, is not here).
///
/// - Extensive variables (counts) keep their total: a ward receives
///   `Σ_s value_s × area(s ∩ w) / area(s)`; what lies outside every ward is reported.
/// - Intensive variables (densities) become area-weighted means:
///   `Σ_s value_s × area(s ∩ w) / Σ_s area(s ∩ w)`.
/// - Ratios (shares, rates, means of counts) are recomputed per ward from the interpolated
///   numerator and base, never averaged: case 21's share of residents aged 65+ is
///   140 / 1100 = 12.73 % in W01, where the area-weighted mean of the sector shares gives 13 %.
///
/// This is the areal weighting of Goodchild & Lam (1980), as in tobler's `area_interpolate`
/// for extensive variables; for intensive ones the weights are normalised over the ward's
/// covered part, so a ward only half covered by sources still gets a mean of its sources.
/// A missing source value makes every ward it touches missing for that variable (no guessing).
public enum ArealInterpolation {
  /// - Parameters:
  ///   - sourceAreas: area of each source polygon, in m².
  ///   - wardCount: number of wards.
  ///   - overlaps: the non-zero intersections, in any order, at most one per (source, ward).
  ///   - extensive: per variable, one value per source (`nil` = missing).
  ///   - intensive: per variable, one value per source.
  ///   - ratios: recomputed from two `extensive` variables.
  /// - Throws: ``JoinError/lengthMismatch(what:expected:got:)`` when a variable does not have
  ///   one value per source; ``JoinError/indexOutOfRange(what:index:count:)`` for an overlap
  ///   naming a source or ward that does not exist; ``JoinError/missingColumn(_:source:)``
  ///   for a ratio whose numerator or base is not among `extensive`.
  public static func interpolate(
    sourceAreas: [Double], wardCount: Int, overlaps: [AreaOverlap],
    extensive: [String: [Double?]] = [:], intensive: [String: [Double?]] = [:],
    ratios: [RatioSpec] = []
  ) throws(JoinError) -> ArealInterpolationResult {
    for (name, values) in extensive.merging(intensive, uniquingKeysWith: { a, _ in a })
    where values.count != sourceAreas.count {
      throw .lengthMismatch(
        what: "values of \(name)", expected: sourceAreas.count, got: values.count)
    }
    var inside = [Double](repeating: 0, count: sourceAreas.count)
    for o in overlaps {
      guard o.source >= 0, o.source < sourceAreas.count else {
        throw .indexOutOfRange(what: "source", index: o.source, count: sourceAreas.count)
      }
      guard o.ward >= 0, o.ward < wardCount else {
        throw .indexOutOfRange(what: "ward", index: o.ward, count: wardCount)
      }
      inside[o.source] += o.squareMetres
    }
    let outside = zip(sourceAreas, inside).map { max($0 - $1, 0) }
    var result = ArealInterpolationResult(
      extensive: [:], intensive: [:], outsideSquareMetres: outside, extensiveOutside: [:])
    for (name, values) in extensive {
      result.extensive[name] = spread(values, overlaps, wardCount) { o in
        o.squareMetres / sourceAreas[o.source]
      }
      result.extensiveOutside[name] = values.indices.reduce(0) { sum, s in
        sum + (values[s] ?? 0) * outside[s] / sourceAreas[s]
      }
    }
    var covered = [Double](repeating: 0, count: wardCount)
    for o in overlaps { covered[o.ward] += o.squareMetres }
    for (name, values) in intensive {
      result.intensive[name] = spread(values, overlaps, wardCount) { o in
        o.squareMetres / covered[o.ward]
      }.enumerated().map { w, v in covered[w] > 0 ? v : nil }
    }
    for r in ratios {
      for c in [r.numerator, r.base] where result.extensive[c] == nil {
        throw .missingColumn(c, source: "the extensive variables of rate \(r.name)")
      }
      result.ratios[r.name] = zip(result.extensive[r.numerator]!, result.extensive[r.base]!).map {
        n, b in
        guard let n, let b, b != 0 else { return nil }
        return r.per * n / b
      }
    }
    return result
  }

  /// `Σ value_s × weight(overlap)` per ward; missing when any contributing value is missing.
  private static func spread(
    _ values: [Double?], _ overlaps: [AreaOverlap], _ wardCount: Int,
    weight: (AreaOverlap) -> Double
  ) -> [Double?] {
    var sums = [Double?](repeating: 0, count: wardCount)
    for o in overlaps where o.squareMetres > 0 {
      guard let v = values[o.source] else {
        sums[o.ward] = nil
        continue
      }
      sums[o.ward] = sums[o.ward].map { $0 + v * weight(o) }
    }
    return sums
  }
}
