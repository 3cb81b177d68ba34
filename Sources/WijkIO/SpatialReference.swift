import CGDAL
import WijkCore

/// An owned OGR spatial reference (`OSRRelease` in `deinit`), always in traditional GIS axis
/// order (x = easting or longitude), as WijkCore's `Coordinate` stores positions.
final class SpatialReference {
  let handle: OGRSpatialReferenceH

  /// Takes ownership of `handle` and sets `OAMS_TRADITIONAL_GIS_ORDER` on it.
  private init(owning handle: OGRSpatialReferenceH) {
    self.handle = handle
    OSRSetAxisMappingStrategy(handle, OAMS_TRADITIONAL_GIS_ORDER)
  }

  deinit { OSRRelease(handle) }

  /// A copy of a borrowed SRS (a layer's), so that setting the axis order or identifying the
  /// EPSG code never changes the layer's own object. `nil` when `OSRClone` fails.
  static func copy(of borrowed: OGRSpatialReferenceH) -> SpatialReference? {
    OSRClone(borrowed).map { SpatialReference(owning: $0) }
  }

  /// Builds an SRS from a definition: `EPSG:n` through `OSRImportFromEPSG`, anything else
  /// (other authorities, WKT) through `OSRSetFromUserInput`.
  /// - Throws: ``IOError/unusableCRS(path:crs:message:)`` when GDAL rejects the definition.
  static func make(_ crs: CRSDefinition, path: String) throws(IOError) -> SpatialReference {
    guard let h = OSRNewSpatialReference(nil) else {
      throw .unusableCRS(path: path, crs: crs.description, message: GDALSession.lastErrorMessage())
    }
    let srs = SpatialReference(owning: h)
    let status: OGRErr
    if let code = crs.epsgCode {
      status = OSRImportFromEPSG(h, Int32(code))
    } else if let text = crs.projString {
      status = OSRSetFromUserInput(h, text)
    } else {
      throw .unusableCRS(path: path, crs: crs.description, message: "it holds no definition")
    }
    // OGRERR_NONE (0) is success; any other value leaves the SRS empty.
    guard status == OGRERR_NONE else {
      throw .unusableCRS(path: path, crs: crs.description, message: GDALSession.lastErrorMessage())
    }
    // Importing resets the strategy on some GDAL versions; set it again.
    OSRSetAxisMappingStrategy(h, OAMS_TRADITIONAL_GIS_ORDER)
    return srs
  }

  /// The definition wijk keeps: `AUTHORITY:CODE` when OGR can identify one
  /// (`OSRAutoIdentifyEPSG`, then `OSRGetAuthorityName`/`OSRGetAuthorityCode` on the root),
  /// the WKT2 text (`OSRExportToWktEx`, `FORMAT=WKT2_2019`), and `OSRIsGeographic`.
  var definition: CRSDefinition {
    // Fails harmlessly (OGRERR_UNSUPPORTED_SRS) when no EPSG code fits; then a code already
    // present (e.g. from a GeoPackage's gpkg_spatial_ref_sys) is still read below.
    _ = OSRAutoIdentifyEPSG(handle)
    var authority: String?
    if let name = OSRGetAuthorityName(handle, nil), let code = OSRGetAuthorityCode(handle, nil) {
      authority = "\(String(cString: name)):\(String(cString: code))"
    }
    return CRSDefinition(
      authorityCode: authority, wkt: wkt, isGeographic: OSRIsGeographic(handle) != 0)
  }

  /// WKT2 (2019) on one line; `nil` when GDAL cannot export it.
  private var wkt: String? {
    let options = CStringList([("FORMAT", "WKT2_2019"), ("MULTILINE", "NO")])
    var text: UnsafeMutablePointer<CChar>?
    // The string is allocated by GDAL and must go back to CPLFree (VSIFree).
    defer { VSIFree(text) }
    guard OSRExportToWktEx(handle, &text, options.constPointer) == OGRERR_NONE, let text
    else { return nil }
    return String(cString: text)
  }
}
