import WijkCore

/// Why a liveability check could not give an answer. Each case names the file (or option),
/// the row or feature, and the key or ward concerned; `description` is a sentence a
/// planner can act on.
public enum LiveabilityError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The profile, programme or scenario file could not be read or decoded.
  case unreadable(file: String, reason: String)
  /// A key is missing, unknown, ill-typed or out of range (`key` like `rules[2].fail`).
  case invalid(file: String, key: String, reason: String)
  /// The site file holds no usable geometry (no feature, or no polygon or point).
  case noSiteGeometry(source: String, found: String)
  /// A site polygon is invalid (GEOS `isValid` reason and location).
  case invalidSitePolygon(source: String, feature: Int, reason: String)
  /// The site file declares no CRS and none was given.
  case siteCRSUnknown(source: String)
  /// A WGS84 site point lies outside the area of use of the ward layer's CRS, and swapping
  /// its two numbers would put it inside: latitude and longitude are most likely swapped.
  case latitudeLongitudeSwapped(source: String, row: Int?, latitude: Double, longitude: Double)
  /// A WGS84 site point lies outside the area of use of the ward layer's CRS.
  case outsideAreaOfUse(source: String, row: Int?, latitude: Double, longitude: Double, crs: String)
  /// The site lies outside every ward; `nearestWard` and the distance in metres say where.
  case siteOutsideWards(source: String, nearestWard: String?, metres: Double?)
  /// A CSV site file has no pair of coordinate columns (`lat`/`lon`, `latitude`/`longitude`,
  /// `x`/`y`); `columns` are its header.
  case noCoordinateColumns(source: String, columns: [String])
  /// A CSV site file has other than one data row.
  case oneSiteExpected(source: String, rows: Int)
  /// A programme line names no ward while the site lies in several; `shares` lists them.
  case wardNeeded(file: String, line: String, shares: [String])
  /// A programme names a ward code that is not on the ward layer.
  case unknownWard(file: String, key: String, code: String)
  /// A programme item is not defined in the profile's `items`.
  case unknownItem(file: String, key: String, item: String, known: [String])
  /// A rule names an indicator that neither the profile nor the configuration defines.
  case unknownIndicator(file: String, key: String, indicator: String, known: [String])
  /// Removing dwellings would make a column negative in a ward.
  case negativeColumn(column: String, ward: String, before: Double, change: Double)
  /// A column to change has no value in the ward (missing is never read as 0).
  case missingValue(column: String, ward: String)
  /// A programme removes a facility id that the facilities file does not hold.
  case unknownFacility(file: String, id: String)
  /// The facilities file lacks a required column or field.
  case facilitiesColumnMissing(source: String, column: String, available: [String])
  /// A facility row has no usable coordinates.
  case facilityWithoutLocation(source: String, row: Int, id: String)

  public var description: String {
    switch self {
    case .unreadable(let f, let r): "\(f): \(r)"
    case .invalid(let f, let k, let r): "\(f): key '\(k)': \(r)"
    case .noSiteGeometry(let s, let found):
      "\(s): the site file holds no polygon or point (found: \(found))."
    case .invalidSitePolygon(let s, let i, let r):
      "\(s), feature \(i): the site polygon is invalid (\(r)); repair it in a GIS first."
    case .siteCRSUnknown(let s):
      "\(s): the site file declares no coordinate reference system; give one with --site-crs."
    case .latitudeLongitudeSwapped(let s, let row, let lat, let lon):
      "\(s)\(rowText(row)): latitude \(lat) and longitude \(lon) lie outside the area of use of "
        + "the ward layer's CRS, but swapped they would lie inside: latitude and longitude look "
        + "swapped. Give latitude first in lat,lon (or put each number in its right column)."
    case .outsideAreaOfUse(let s, let row, let lat, let lon, let crs):
      "\(s)\(rowText(row)): the point at latitude \(lat), longitude \(lon) lies outside the area "
        + "of use of \(crs), so it cannot be in any ward; check the coordinates and the CRS."
    case .siteOutsideWards(let s, let ward, let m):
      "\(s): the site lies outside every ward"
        + (ward.map { w in
          "; the nearest ward is \(w)" + (m.map { ", \(Int($0.rounded())) m away" } ?? "")
        } ?? "") + "."
    case .noCoordinateColumns(let s, let cols):
      "\(s): no coordinate columns (lat/lon, latitude/longitude or x/y) in the header "
        + "(\(cols.joined(separator: ", ")))."
    case .oneSiteExpected(let s, let n):
      "\(s): a site file must hold exactly one site row, it holds \(n)."
    case .wardNeeded(let f, let line, let shares):
      "\(f): \(line) names no ward, and the site lies in several (\(shares.joined(separator: "; "))); "
        + "add 'ward:' to say which ward the dwellings go to."
    case .unknownWard(let f, let k, let c): "\(f): key '\(k)': no ward with code '\(c)'."
    case .unknownItem(let f, let k, let item, let known):
      "\(f): key '\(k)': the profile defines no item '\(item)' (it defines: "
        + "\(known.joined(separator: ", ")))."
    case .unknownIndicator(let f, let k, let ind, let known):
      "\(f): key '\(k)': no indicator '\(ind)' in the profile or the configuration (known: "
        + "\(known.joined(separator: ", ")))."
    case .negativeColumn(let col, let w, let before, let change):
      "The programme changes \(col) in ward \(w) by \(change.shortText), but the ward has only "
        + "\(before.shortText): it cannot go below 0."
    case .missingValue(let col, let w):
      "Ward \(w) has no value for \(col), so the programme's change to it cannot be applied."
    case .unknownFacility(let f, let id):
      "\(f): the programme removes facility '\(id)', which is not in the facilities file."
    case .facilitiesColumnMissing(let s, let c, let a):
      "\(s): the facilities file has no column '\(c)' (it has: \(a.joined(separator: ", ")))."
    case .facilityWithoutLocation(let s, let row, let id):
      "\(s), row \(row) (facility \(id)): no coordinates."
    }
  }
}

private func rowText(_ row: Int?) -> String { row.map { ", row \($0)" } ?? "" }
