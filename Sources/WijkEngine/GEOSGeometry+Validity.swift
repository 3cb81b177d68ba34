import CGEOS
import WijkCore

/// Why a geometry is invalid, as GEOS says it: the reason text (e.g. "Self-intersection",
/// "Ring Self-intersection", "Too few points in geometry component") and where.
public struct ValidityProblem: Hashable, Sendable, CustomStringConvertible {
  /// GEOS's reason, unchanged.
  public var reason: String
  /// The location GEOS names, in CRS units; `nil` when it gives none.
  public var location: Coordinate?

  /// A problem with GEOS's `reason` text at `location` (CRS units).
  public init(reason: String, location: Coordinate?) {
    self.reason = reason
    self.location = location
  }

  /// "Self-intersection at (229500, 184500)".
  public var description: String {
    location.map { "\(reason) at \($0)" } ?? reason
  }
}

extension GEOSGeometry {
  /// Whether the geometry is valid in the OGC sense (closed, simple rings; holes inside).
  ///
  /// - Throws: ``EngineError/geos(function:messages:)``. See `GEOSisValid_r`.
  public var isValid: Bool {
    get throws(EngineError) {
      let r = GEOSisValid_r(context.handle, handle)
      // GEOSisValid_r returns 2 on exception.
      guard r != 2 else { throw context.failure("GEOSisValid_r") }
      return r == 1
    }
  }

  /// The first validity problem GEOS finds, or `nil` when the geometry is valid.
  ///
  /// A bow-tie ring (229000 184000, 230000 185000, 230000 184000, 229000 185000) gives
  /// reason "Self-intersection" at (229500, 184500).
  ///
  /// - Throws: ``EngineError/geos(function:messages:)``. See `GEOSisValidDetail_r`.
  public var validityProblem: ValidityProblem? {
    get throws(EngineError) {
      let ctx = context.handle
      var reason: UnsafeMutablePointer<CChar>?
      var location: OpaquePointer?
      // Flags 0: the OGC rule (a self-touching ring forming a hole is invalid).
      let r = GEOSisValidDetail_r(ctx, handle, 0, &reason, &location)
      // GEOSisValidDetail_r returns 2 on exception, 1 when valid, 0 when invalid; reason and
      // location are set only when invalid, and are ours to free.
      guard r != 2 else { throw context.failure("GEOSisValidDetail_r") }
      if r == 1 { return nil }
      let text = reason.map { String(cString: $0) } ?? "Invalid geometry"
      if let reason { GEOSFree_r(ctx, reason) }
      // Adopted so that its deinit frees it.
      let point = location.map { GEOSGeometry(adopting: $0, context: context) }
      return ValidityProblem(reason: text, location: try point?.coordinate)
    }
  }

  /// A valid geometry covering the same points, using GEOS's "linework" method (a bow-tie
  /// becomes a multipolygon of its two triangles; no area is lost or invented).
  ///
  /// - Throws: ``EngineError/geos(function:messages:)``. See `GEOSMakeValid_r`.
  public func makeValid() throws(EngineError) -> GEOSGeometry {
    try adopt(GEOSMakeValid_r(context.handle, handle), from: "GEOSMakeValid_r")
  }
}
