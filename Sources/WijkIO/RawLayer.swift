import CGDAL
import WijkCore

/// A layer as OGR hands it over, before text decoding: typed numbers, raw text bytes.
/// Reading and decoding are split because a Shapefile's encoding can only be settled after
/// all its text has been seen (strict UTF-8 either holds for every value or it does not).
struct RawLayer {
  enum Value {
    case value(AttributeValue)
    case text([UInt8])
  }

  var name: String
  var crs: CRSDefinition?
  var fieldNames: [[UInt8]]
  var fieldTypes: [FieldType]
  var features: [(fid: Int64?, geometry: Geometry?, values: [Value])]

  /// Every raw text: field names and text values.
  var allTexts: [[UInt8]] {
    fieldNames
      + features.flatMap { f in
        f.values.compactMap { if case .text(let b) = $0 { b } else { nil } }
      }
  }

  /// Replaces the numbers OGR read from unreadable DBF cells (see ``DBFNumbers``) by
  /// missing values that say what the cell held.
  mutating func markUnreadableNumbers(dbfPath: String) {
    let unreadable = DBFNumbers.unreadable(in: dbfPath)
    guard !unreadable.isEmpty else { return }
    for k in features.indices {
      guard let fid = features[k].fid, let cells = unreadable[fid] else { continue }
      for (field, text) in cells where field < features[k].values.count {
        features[k].values[field] = .value(.missing(reason: "unreadable number '\(text)'"))
      }
    }
  }

  /// Reads every feature of a borrowed layer.
  /// - Throws: ``IOError/unreadableGeometry(path:feature:message:)``.
  static func read(_ layer: OGRLayerH, path: String) throws(IOError) -> RawLayer {
    let definition = OGR_L_GetLayerDefn(layer)
    let count = OGR_FD_GetFieldCount(definition)
    var names: [[UInt8]] = []
    var types: [FieldType] = []
    for i in 0..<count {
      let field = OGR_FD_GetFieldDefn(definition, i)
      names.append(bytes(OGR_Fld_GetNameRef(field)))
      types.append(fieldType(OGR_Fld_GetType(field)))
    }
    var raw = RawLayer(
      name: String(cString: OGR_L_GetName(layer)),
      crs: OGR_L_GetSpatialRef(layer).flatMap(SpatialReference.copy(of:))?.definition,
      fieldNames: names, fieldTypes: types, features: [])
    OGR_L_ResetReading(layer)
    // OGR_L_GetNextFeature hands over ownership; the wrapper destroys it.
    while let next = OGR_L_GetNextFeature(layer) {
      let feature = OGRFeatureHandle(next)
      let index = raw.features.count
      let fid = OGR_F_GetFID(feature.handle)
      raw.features.append(
        (
          fid: fid == Int64(OGRNullFID) ? nil : fid,
          geometry: try geometry(of: feature.handle, index: index, path: path),
          values: (0..<count).map { value(feature.handle, $0, types[Int($0)]) }
        ))
    }
    return raw
  }

  /// The layer with text decoded in `encoding`.
  /// - Throws: ``IOError/undecodableText(path:feature:field:encoding:)``.
  func decoded(with encoding: TextEncoding, path: String) throws(IOError)
    -> (fields: [Field], features: [Feature])
  {
    var fields: [Field] = []
    for (i, nameBytes) in fieldNames.enumerated() {
      guard let name = encoding.decode(nameBytes) else {
        throw .undecodableText(
          path: path, feature: -1, field: "field name \(i + 1)", encoding: encoding)
      }
      fields.append(Field(name: name, type: fieldTypes[i]))
    }
    var result: [Feature] = []
    result.reserveCapacity(features.count)
    for (index, f) in features.enumerated() {
      var values: [AttributeValue] = []
      for (i, v) in f.values.enumerated() {
        switch v {
        case .value(let a): values.append(a)
        case .text(let b):
          guard let s = encoding.decode(b) else {
            throw .undecodableText(
              path: path, feature: index, field: fields[i].name, encoding: encoding)
          }
          values.append(.text(s))
        }
      }
      result.append(Feature(index: index, fid: f.fid, geometry: f.geometry, values: values))
    }
    return (fields, result)
  }

  /// OGR integer types are integers, reals are reals; dates, times and lists stay text.
  private static func fieldType(_ type: OGRFieldType) -> FieldType {
    switch type {
    case OFTInteger, OFTInteger64: .integer
    case OFTReal: .real
    default: .text
    }
  }

  /// A field value. Unset and null (in a DBF: a blank or `*`-filled number) are missing.
  private static func value(_ f: OGRFeatureH, _ i: Int32, _ type: FieldType) -> Value {
    guard OGR_F_IsFieldSetAndNotNull(f, i) != 0 else { return .value(.missing) }
    switch type {
    case .integer: return .value(.integer(OGR_F_GetFieldAsInteger64(f, i)))
    case .real: return .value(.real(OGR_F_GetFieldAsDouble(f, i)))
    case .text: return .text(bytes(OGR_F_GetFieldAsString(f, i)))
    }
  }

  /// The geometry through ISO WKB; `nil` when the feature has none or an empty one.
  private static func geometry(of f: OGRFeatureH, index: Int, path: String) throws(IOError)
    -> Geometry?
  {
    // Borrowed from the feature: not destroyed here.
    guard let g = OGR_F_GetGeometryRef(f), OGR_G_IsEmpty(g) == 0 else { return nil }
    var buffer = [UInt8](repeating: 0, count: Int(OGR_G_WkbSize(g)))
    // OGRERR_NONE (0) on success.
    guard OGR_G_ExportToIsoWkb(g, wkbNDR, &buffer) == OGRERR_NONE else {
      throw .unreadableGeometry(
        path: path, feature: index, message: GDALSession.lastErrorMessage())
    }
    do {
      return try WKB.decode(buffer)
    } catch {
      throw .unreadableGeometry(path: path, feature: index, message: error.description)
    }
  }

  /// The bytes of a C string, without decoding (`nil` gives no bytes).
  private static func bytes(_ s: UnsafePointer<CChar>?) -> [UInt8] {
    guard let s else { return [] }
    return Array(UnsafeBufferPointer(start: s, count: strlen(s))).map { UInt8(bitPattern: $0) }
  }
}
