// Errors of the Cartography target: bad map or report input, with the evidence to find it.

/// Why a map or a report could not be drawn. Each case carries the ward, class or row that is
/// wrong, so that the message points a GIS user at the cause.
public enum CartographyError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A per-ward input (`values`, `classIndices`, `categories`) has another length than the
  /// ward list.
  case lengthMismatch(input: String, count: Int, wards: Int)
  /// No ward has a polygon, so there is nothing to draw or to frame.
  case nothingToDraw
  /// A ward's geometry is not a polygon or multipolygon.
  case nonPolygonalWard(index: Int, ward: String, geometryType: String)
  /// A ward has no geometry at all.
  case missingGeometry(index: Int, ward: String)
  /// A coordinate or value is NaN or infinite.
  case nonFiniteValue(ward: String, what: String)
  /// The class upper bounds are not strictly increasing.
  case boundsNotIncreasing(position: Int, previous: Double, bound: Double)
  /// A ward has a value but no class, or a class but no value.
  case classWithoutValue(ward: String)
  case valueWithoutClass(ward: String, value: Double)
  /// A class index is outside `0..<classes`.
  case classIndexOutOfRange(ward: String, classIndex: Int, classes: Int)
  /// A value does not lie in its class (b[c-1], b[c]] (right-closed, as mapclassify).
  case valueOutsideClass(
    ward: String, value: Double, classIndex: Int, lower: Double?, upper: Double)
  /// The stated count of a class differs from the number of wards given that class.
  case countMismatch(classIndex: Int, stated: Int, counted: Int)
  /// No palette has this name.
  case unknownPalette(name: String, known: [String])
  /// The palette has no scheme with this many classes.
  case tooManyClasses(palette: String, requested: Int, maximum: Int)
  /// A highlighted ward id is not among the map's wards.
  case unknownWard(id: String)
  /// A report table row has another number of cells than the table has columns.
  case tableRowWidth(table: String, row: Int, cells: Int, columns: Int)

  public var description: String {
    switch self {
    case .lengthMismatch(let input, let count, let wards):
      return "The map has \(wards) wards but \(count) \(input); give exactly one per ward, "
        + "in the same order."
    case .nothingToDraw:
      return "None of the wards has a polygon geometry, so there is no map to draw."
    case .nonPolygonalWard(let index, let ward, let type):
      return "Ward \(ward) (feature \(index)) has a \(type) geometry; a ward map needs "
        + "polygons."
    case .missingGeometry(let index, let ward):
      return "Ward \(ward) (feature \(index)) has no geometry."
    case .nonFiniteValue(let ward, let what):
      return "Ward \(ward) has a \(what) that is not a finite number (NaN or infinite)."
    case .boundsNotIncreasing(let position, let previous, let bound):
      return "Class bound \(position + 1) (\(bound)) is not larger than the bound before it "
        + "(\(previous)); class bounds must increase."
    case .classWithoutValue(let ward):
      return "Ward \(ward) has no value but the classification gives it a class; the values "
        + "and the classification are probably not in the same ward order."
    case .valueWithoutClass(let ward, let value):
      return "Ward \(ward) has the value \(value) but the classification gives it no class."
    case .classIndexOutOfRange(let ward, let classIndex, let classes):
      return "Ward \(ward) is in class \(classIndex + 1), but the classification has only "
        + "\(classes) classes."
    case .valueOutsideClass(let ward, let value, let classIndex, let lower, let upper):
      let range = lower.map { "above \($0) and up to \(upper)" } ?? "up to \(upper)"
      return "Ward \(ward) has the value \(value), which is not in its class \(classIndex + 1) "
        + "(\(range)); the values and the classification do not match."
    case .countMismatch(let classIndex, let stated, let counted):
      return "The classification says class \(classIndex + 1) has \(stated) wards, but "
        + "\(counted) wards are in it."
    case .unknownPalette(let name, let known):
      return "There is no colour palette called \"\(name)\"; choose one of "
        + known.joined(separator: ", ") + "."
    case .tooManyClasses(let palette, let requested, let maximum):
      return "The palette \(palette) has at most \(maximum) colours, but \(requested) classes "
        + "were asked for; use fewer classes."
    case .unknownWard(let id):
      return "The ward \"\(id)\" to highlight is not on the map."
    case .tableRowWidth(let table, let row, let cells, let columns):
      return "Row \(row + 1) of the table \"\(table)\" has \(cells) cells but the table has "
        + "\(columns) columns."
    }
  }
}
