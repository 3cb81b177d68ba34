/// Why a housing register could not be used. Each case names the file, the line (CSV line,
/// header = 1; feature number for a layer) and the column or value at fault.
public enum HousingError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A column the configuration names is not in the register.
  case unknownColumn(file: String, column: String, available: [String])
  /// A CSV register without `register.position`.
  case missingPosition(file: String)
  /// A row without a usable position (empty or non-numeric coordinate).
  case missingCoordinate(file: String, line: Int, column: String)
  /// A WGS84 position outside the area of use of the wards' CRS: most often latitude and
  /// longitude in each other's column (case 05).
  case outsideAreaOfUse(file: String, line: Int, longitude: Double, latitude: Double, crs: String)
  /// A point layer feature that is not a point.
  case notAPoint(file: String, feature: Int, type: String)
  /// A dwelling count that is missing, negative or not whole.
  case badDwellingCount(file: String, line: Int, column: String, value: String)
  /// A code not mapped in the configuration (and not in `ignore`).
  case unknownCode(file: String, line: Int, column: String, value: String, known: [String])
  /// A year cell that is not a whole number.
  case badYear(file: String, line: Int, column: String, value: String)

  public var description: String {
    switch self {
    case .unknownColumn(let f, let c, let a):
      "\(f): the register has no column '\(c)' (columns: \(a.joined(separator: ", ")))."
    case .missingPosition(let f):
      "\(f): a CSV register needs 'register.position' in the configuration: x, y and crs, or longitude and latitude."
    case .missingCoordinate(let f, let l, let c):
      "\(f), line \(l): the coordinate '\(c)' is empty or not a number."
    case .outsideAreaOfUse(let f, let l, let lon, let lat, let crs):
      "\(f), line \(l): longitude \(lon), latitude \(lat) lies outside the area where \(crs) is valid; are latitude and longitude swapped?"
    case .notAPoint(let f, let i, let t):
      "\(f), feature \(i): a register needs point geometries, this one is a \(t)."
    case .badDwellingCount(let f, let l, let c, let v):
      "\(f), line \(l): the dwelling count '\(c)' is '\(v)'; it must be a whole number of 0 or more."
    case .unknownCode(let f, let l, let c, let v, let k):
      "\(f), line \(l): the value '\(v)' in column '\(c)' is not mapped in the configuration (known: \(k.joined(separator: ", "))); add it to 'codes' or 'ignore'."
    case .badYear(let f, let l, let c, let v):
      "\(f), line \(l): the year '\(v)' in column '\(c)' is not a whole number."
    }
  }
}
