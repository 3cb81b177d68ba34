import CPROJ
import Foundation
import WijkCore

/// What wijk made of a CRS a file declared without an EPSG code (an ESRI `.prj`, a WKT with
/// TOWGS84): the EPSG code PROJ identifies, PROJ's confidence, and how closely the two agree
/// in numbers.
public struct CRSRecognition: Sendable, Equatable, Codable {
  /// How the CRS was settled.
  public enum Outcome: String, Sendable, Equatable, Codable {
    /// PROJ identifies the definition with an EPSG code at confidence 100.
    case identified
    /// PROJ's confidence is below 100, but the definition and the EPSG code agree within
    /// ``CRSRecognizer/toleranceMetres`` over the code's area of use: the code is used.
    case equivalent
    /// No EPSG code agrees: the file's own definition is used (with its datum shift, if any).
    case refused
  }

  /// The CRS's name as the file wrote it, e.g. "Belge_1972_Belgian_Lambert_72".
  public var name: String
  /// The best EPSG candidate PROJ found; `nil` when it found none.
  public var epsg: Int?
  /// PROJ's confidence in `epsg`, 0–100 (`proj_identify`).
  public var confidence: Int?
  /// The largest distance, in metres on the ground, between the positions the definition and
  /// the candidate give over the candidate's area of use, both ways; `nil` when not measured.
  public var deviationMetres: Double?
  /// The verdict.
  public var outcome: Outcome
  /// Why the candidate was not used (for ``Outcome/refused``).
  public var reason: String?

  /// The definition to use from now on: `EPSG:<epsg>` when identified or equivalent, else
  /// `declared` unchanged.
  public func definition(replacing declared: CRSDefinition) -> CRSDefinition {
    guard outcome != .refused, let epsg else { return declared }
    return CRSDefinition(authorityCode: "EPSG:\(epsg)", isGeographic: declared.isGeographic)
  }

  /// One sentence for reports, naming `file` (the `.prj` or the layer file).
  public func sentence(file: String) -> String {
    let read = "\(file) defines its CRS as '\(name)' without an EPSG code"
    let agreement = deviationMetres.map { " and the two agree within \(Self.length($0))" } ?? ""
    switch outcome {
    case .identified:
      return "\(read); PROJ identifies it as EPSG:\(epsg!) (confidence 100 %), which is used."
    case .equivalent:
      return "\(read); PROJ's best match is EPSG:\(epsg!) at confidence \(confidence ?? 0) %"
        + "\(agreement) over its area of use (\(CRSRecognizer.gridSide)² points, both ways; "
        + "tolerance \(Self.length(CRSRecognizer.toleranceMetres))), so EPSG:\(epsg!) is used."
    case .refused:
      return "\(read); it is not recognised as an EPSG code (\(reason ?? "no match")). "
        + "The file's own definition is used, datum shift included."
    }
  }

  /// A length for people: "0.4 mm", "3.2 cm", "12.0 m".
  public static func length(_ metres: Double) -> String {
    if metres * 1000 < 9.95 { return String(format: "%.1f mm", metres * 1000) }
    if metres * 100 < 99.95 { return String(format: "%.1f cm", metres * 100) }
    return String(format: "%.2f m", metres)
  }
}

/// Recognises a CRS declared without an EPSG code as an EPSG CRS, or says why not.
///
/// PROJ's `proj_identify` ranks EPSG candidates with a confidence; below 100 it only means the
/// names or some parameter differ (ArcGIS writes Lambert 72's false easting as 150000.01256,
/// EPSG as 150000.013: 0.4 mm, OSGeo/PROJ#1781). So a candidate below 100 is accepted only
/// when it agrees with the definition in numbers: a grid of ``gridSide`` × ``gridSide``
/// points over the candidate's area of use (its middle 90 %) is transformed from WGS 84 into
/// both CRSs, and the candidate's positions back into WGS 84 through both; the largest
/// difference must be at most ``toleranceMetres``. Going through WGS 84 tests the datum shift too, so a TOWGS84
/// clause that differs from EPSG's default operation is never replaced silently.
public enum CRSRecognizer {
  /// The largest disagreement accepted, in metres on the ground: 1 cm.
  public static let toleranceMetres = 0.01
  /// Points per side of the comparison grid.
  public static let gridSide = 11

  /// - Returns: `nil` when `definition` already names an authority code (nothing to
  ///   recognise) or holds no WKT; else the recognition (see ``CRSRecognition``).
  /// - Throws: ``EngineError/proj(function:code:messages:)`` when PROJ cannot read the
  ///   definition at all.
  public static func recognise(_ definition: CRSDefinition) throws(EngineError)
    -> CRSRecognition?
  {
    guard definition.authorityCode == nil, let wkt = definition.wkt else { return nil }
    let context = PROJContext()
    let declared = try CoordinateReferenceSystem(wkt, context: context)
    var result = CRSRecognition(
      name: declared.name, epsg: nil, confidence: nil, deviationMetres: nil, outcome: .refused,
      reason: "PROJ finds no EPSG CRS like it")
    guard let best = declared.identifiedEPSGCodes().first else { return result }
    result.epsg = best.code
    result.confidence = best.confidence
    let candidate = try CoordinateReferenceSystem(epsg: best.code, context: context)
    if best.confidence == 100 && !isBound(declared) {
      result.outcome = .identified
      return result
    }
    guard let area = candidate.areaOfUse else {
      result.reason = "EPSG:\(best.code) has no area of use to compare them over"
      return result
    }
    do {
      let deviation = try largestDeviation(declared, candidate, over: area)
      result.deviationMetres = deviation
      if deviation <= toleranceMetres {
        result.outcome = .equivalent
        result.reason = nil
      } else {
        result.reason =
          "its best match EPSG:\(best.code) (confidence \(best.confidence) %) differs by up to "
          + "\(CRSRecognition.length(deviation)) over its area of use"
      }
    } catch {
      result.reason = "positions could not be compared with EPSG:\(best.code): \(error)"
    }
    return result
  }

  /// A bound CRS carries its own datum shift: identified only after the numbers agree.
  static func isBound(_ crs: CoordinateReferenceSystem) -> Bool {
    proj_get_type(crs.object.pointer) == PJ_TYPE_BOUND_CRS
  }

  /// The largest ground distance (m) between `a` and `b` over the grid, both ways.
  static func largestDeviation(
    _ a: CoordinateReferenceSystem, _ b: CoordinateReferenceSystem, over area: Envelope
  ) throws(EngineError) -> Double {
    let wgs84 = try CoordinateReferenceSystem(epsg: 4326, context: a.context)
    let intoA = try Transformer(from: wgs84, to: a)
    let intoB = try Transformer(from: wgs84, to: b)
    let fromA = try Transformer(from: a, to: wgs84)
    let fromB = try Transformer(from: b, to: wgs84)
    let metresPerUnit = b.isGeographic ? nil : try b.axisUnit().metresPerUnit
    var largest = 0.0
    for point in grid(area) {
      let pa = try intoA.transform(point)
      let pb = try intoB.transform(point)
      largest = max(largest, distance(pa, pb, metresPerUnit: metresPerUnit))
      // Back: the candidate's position read in both CRSs.
      let qa = try fromA.transform(pb)
      let qb = try fromB.transform(pb)
      largest = max(largest, distance(qa, qb, metresPerUnit: nil))
    }
    return largest
  }

  /// ``gridSide``² longitude/latitude points spanning the middle 90 % of `area` each way.
  /// Not its edges: on the corners of Lambert 72's box PROJ picks the datum shift for an
  /// EPSG CRS but a ballpark one for the same CRS without its code (147 m apart), a
  /// difference of PROJ's operation search, not of the two CRSs.
  static func grid(_ area: Envelope) -> [Coordinate] {
    let steps = Double(gridSide - 1)
    let inset = 0.05
    func at(_ k: Int, _ low: Double, _ high: Double) -> Double {
      low + (high - low) * (inset + (1 - 2 * inset) * Double(k) / steps)
    }
    return (0..<gridSide).flatMap { i in
      (0..<gridSide).map { j in
        Coordinate(x: at(i, area.minX, area.maxX), y: at(j, area.minY, area.maxY))
      }
    }
  }

  /// Metres between two positions: projected units times `metresPerUnit`, or degrees on a
  /// sphere of radius 6 371 km (ample for a 1 cm test) when `metresPerUnit` is `nil`.
  static func distance(_ p: Coordinate, _ q: Coordinate, metresPerUnit: Double?) -> Double {
    if let metresPerUnit { return hypot(p.x - q.x, p.y - q.y) * metresPerUnit }
    let radius = 6_371_000.0
    let toRadians = Double.pi / 180
    let dy = (p.y - q.y) * toRadians * radius
    let dx = (p.x - q.x) * toRadians * radius * cos((p.y + q.y) / 2 * toRadians)
    return hypot(dx, dy)
  }
}
