import CPROJ
import Foundation
import WijkCore

/// Transforms coordinates from one CRS to another with the operation PROJ chooses (a datum
/// shift included: WGS 84 → Belgian Lambert 72 uses "BD72 to WGS 84 (3)", about 100 m).
///
/// Axis order is always x = easting or longitude, y = northing or latitude, in and out,
/// whatever the authority says (EPSG:4326 is latitude first): the operation is normalised
/// with `proj_normalize_for_visualization` right after `proj_create_crs_to_crs_from_pj`.
///
/// Not `Sendable`: it belongs to the task of its ``PROJContext``.
public final class Transformer {
  /// The source CRS (kept alive with the operation).
  public let source: CoordinateReferenceSystem
  /// The target CRS.
  public let target: CoordinateReferenceSystem
  private let operation: PROJHandle
  private var context: PROJContext { operation.context }

  /// Builds the transformation from `source` to `target`. When several operations apply
  /// (three for BD72 ↔ WGS 84), PROJ picks per coordinate the most accurate one whose area
  /// of use contains it; ``operationName`` says which one was used. A coordinate outside
  /// every area of use is still transformed (with the first operation), so check the
  /// target's ``CoordinateReferenceSystem/areaOfUse`` to catch swapped latitude/longitude.
  ///
  /// - Throws: ``EngineError/proj(function:code:messages:)``.
  ///   See `proj_create_crs_to_crs_from_pj`, `proj_normalize_for_visualization`.
  public init(from source: CoordinateReferenceSystem, to target: CoordinateReferenceSystem)
    throws(EngineError)
  {
    precondition(
      source.context === target.context,
      "Transformer: both CRSs must belong to the same PROJContext")
    let ctx = source.context
    // proj_create_crs_to_crs_from_pj returns NULL when no operation exists.
    let raw = try PROJHandle(
      proj_create_crs_to_crs_from_pj(
        ctx.handle, source.object.pointer, target.object.pointer,
        nil, nil),
      context: ctx, function: "proj_create_crs_to_crs_from_pj")
    // proj_normalize_for_visualization returns a new object (NULL on failure); `raw` is
    // freed by its deinit when this initialiser returns.
    operation = try PROJHandle(
      proj_normalize_for_visualization(ctx.handle, raw.pointer), context: ctx,
      function: "proj_normalize_for_visualization")
    self.source = source
    self.target = target
  }

  /// Builds the transformation between two declared CRSs, in one new context.
  ///
  /// - Throws: ``EngineError/proj(function:code:messages:)``.
  public convenience init(from source: CRSDefinition, to target: CRSDefinition)
    throws(EngineError)
  {
    let context = PROJContext()
    try self.init(
      from: CoordinateReferenceSystem(source, context: context),
      to: CoordinateReferenceSystem(target, context: context))
  }

  /// The operation PROJ used for the last transformed coordinate, e.g. "axis order change
  /// (2D) + Inverse of BD72 to WGS 84 (3) + Belgian Lambert 72"; `nil` before the first.
  /// For reports: it says which datum shift was applied. See
  /// `proj_trans_get_last_used_operation`.
  public var operationName: String? {
    // proj_trans_get_last_used_operation returns NULL before the first transform, and
    // otherwise a new object that is ours to free.
    guard
      let used = try? PROJHandle(
        proj_trans_get_last_used_operation(operation.pointer), context: context,
        function: "proj_trans_get_last_used_operation")
    else { return nil }
    return proj_get_name(used.pointer).map { String(cString: $0) } ?? "unnamed operation"
  }

  /// Transforms one coordinate (x = easting/longitude, y = northing/latitude).
  ///
  /// - Throws: ``EngineError/transformFailed(coordinate:operation:messages:)`` naming the
  ///   coordinate when PROJ returns `HUGE_VAL` (e.g. a point far outside every operation's
  ///   area, or latitude and longitude swapped into an impossible position).
  public func transform(_ c: Coordinate) throws(EngineError) -> Coordinate {
    let result = proj_trans(operation.pointer, PJ_FWD, proj_coord(c.x, c.y, 0, .infinity))
    // proj_trans signals failure with HUGE_VAL (infinity) in the output and sets proj_errno.
    guard result.xy.x.isFinite, result.xy.y.isFinite else {
      let code = proj_errno(operation.pointer)
      var messages: [String] = []
      if code != 0, let s = proj_context_errno_string(context.handle, code) {
        messages.append(String(cString: s))
      }
      messages += context.drainLog()
      proj_errno_reset(operation.pointer)
      let name = operationName ?? "\(source.name) to \(target.name)"
      throw .transformFailed(coordinate: c, operation: name, messages: messages)
    }
    return Coordinate(x: result.xy.x, y: result.xy.y)
  }

  /// Transforms every coordinate of `geometry`; straight segments stay straight (no
  /// densification, fine for wards a few km across).
  ///
  /// - Throws: ``EngineError/transformFailed(coordinate:operation:messages:)``.
  public func transform(_ geometry: Geometry) throws(EngineError) -> Geometry {
    try geometry.mappingCoordinates { (c) throws(EngineError) in try transform(c) }
  }

  /// The layer with every geometry transformed and its CRS set to the target's definition.
  /// Features without geometry are kept as they are.
  ///
  /// - Throws: ``EngineError/feature(layer:featureIndex:reason:)`` wrapping
  ///   ``EngineError/transformFailed(coordinate:operation:messages:)``.
  public func transform(_ layer: Layer) throws(EngineError) -> Layer {
    var out = layer
    out.crs = target.definition
    for i in out.features.indices {
      guard let g = out.features[i].geometry else { continue }
      do {
        out.features[i].geometry = try transform(g)
      } catch {
        throw .feature(layer: layer.name, featureIndex: out.features[i].index, reason: error)
      }
    }
    return out
  }
}

extension Geometry {
  /// The same geometry with `body` applied to every coordinate (rings stay closed because
  /// the first and last coordinates map to the same point).
  func mappingCoordinates<E: Error>(_ body: (Coordinate) throws(E) -> Coordinate) throws(E)
    -> Geometry
  {
    func map(_ cs: [Coordinate]) throws(E) -> [Coordinate] {
      var out: [Coordinate] = []
      out.reserveCapacity(cs.count)
      for c in cs { out.append(try body(c)) }
      return out
    }
    func polygon(_ p: Polygon) throws(E) -> Polygon {
      var holes: [Ring] = []
      for h in p.holes { holes.append(Ring(try map(h.coordinates))) }
      return Polygon(exterior: Ring(try map(p.exterior.coordinates)), holes: holes)
    }
    switch self {
    case .point(let c): return .point(try body(c))
    case .multiPoint(let cs): return .multiPoint(try map(cs))
    case .lineString(let cs): return .lineString(try map(cs))
    case .multiLineString(let ls):
      var out: [[Coordinate]] = []
      for l in ls { out.append(try map(l)) }
      return .multiLineString(out)
    case .polygon(let p): return .polygon(try polygon(p))
    case .multiPolygon(let ps):
      var out: [Polygon] = []
      for p in ps { out.append(try polygon(p)) }
      return .multiPolygon(out)
    case .collection(let gs):
      var out: [Geometry] = []
      for g in gs { out.append(try g.mappingCoordinates(body)) }
      return .collection(out)
    }
  }
}
