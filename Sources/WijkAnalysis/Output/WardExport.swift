import WijkCore

/// The ward table of the outputs: one row per ward, one column per ward statistic, for the
/// GeoPackage (exact numbers, for GIS work) and the CSV (for publication: the small-number
/// rule of ``SmallNumbers`` applies).
///
/// Column names are `<indicator>` (the value) and `<indicator>_<statistic>`: `num`, `base`,
/// `share`, `density_km2`, `eb`, `lq`, `rank`, `z`, `lisa_i`, `lisa_p`, `lisa`, `gistar_z`,
/// `gistar_p`, `hotspot`, `flags`.
public enum WardExport {
  /// The fields, in output order.
  public static func fields(_ result: AnalysisResult) -> [Field] {
    var fields = [
      Field(name: "code", type: .text), Field(name: "name", type: .text),
      Field(name: "area_km2", type: .real),
    ]
    for i in result.indicators {
      fields += [
        Field(name: i.id, type: .real), Field(name: "\(i.id)_num", type: .real),
        Field(name: "\(i.id)_base", type: .real), Field(name: "\(i.id)_share", type: .real),
        Field(name: "\(i.id)_density_km2", type: .real), Field(name: "\(i.id)_eb", type: .real),
        Field(name: "\(i.id)_lq", type: .real), Field(name: "\(i.id)_rank", type: .integer),
        Field(name: "\(i.id)_z", type: .real), Field(name: "\(i.id)_lisa_i", type: .real),
        Field(name: "\(i.id)_lisa_p", type: .real), Field(name: "\(i.id)_lisa", type: .text),
        Field(name: "\(i.id)_gistar_z", type: .real), Field(name: "\(i.id)_gistar_p", type: .real),
        Field(name: "\(i.id)_hotspot", type: .text), Field(name: "\(i.id)_flags", type: .text),
      ]
    }
    return fields
  }

  /// The values of ward `w`, aligned with ``fields(_:)``. With `suppressBelow`, counts from 1
  /// to threshold − 1 become the text "<threshold".
  public static func row(_ result: AnalysisResult, ward w: Int, suppressBelow: Int?)
    -> [AttributeValue]
  {
    let ward = result.wards[w]
    var row: [AttributeValue] = [
      .text(ward.code), .text(ward.name), .real(ward.areaSquareKilometres),
    ]
    for i in result.indicators {
      let v = i.wards[w]
      let count = { (x: Double?) in
        suppressBelow.map { SmallNumbers.count(x, threshold: $0) } ?? real(x)
      }
      let hide = suppressBelow.map { SmallNumbers.hidesDerived(v, threshold: $0) } ?? false
      let derived = { (x: Double?) in
        hide && x != nil ? AttributeValue.text(SmallNumbers.notPublished) : real(x)
      }
      row += [
        i.kind == "count" ? count(v.value) : derived(v.value), count(v.numerator), count(v.base),
        derived(v.shareOfCity), derived(v.densityPerSquareKilometre), derived(v.smoothedRate),
        derived(v.locationQuotient), v.rank.map { .integer(Int64($0)) } ?? .missing,
        derived(v.zScore), derived(v.localMoranI), real(v.lisaPseudoP), .text(v.lisaCategory),
        real(v.giStarZ),
        real(v.giStarPseudoP), v.hotspot.map(AttributeValue.text) ?? .missing,
        .text(v.flags.joined(separator: "; ")),
      ]
    }
    return row
  }

  /// The wards as a layer (geometry in the analysis CRS) for the GeoPackage.
  public static func layer(_ result: AnalysisResult, table: WardTable) -> Layer {
    Layer(
      name: "wards", source: "wijk analyse", crs: table.crs, fields: fields(result),
      features: table.codes.indices.map {
        Feature(
          index: $0, geometry: table.geometries[$0],
          values: row(result, ward: $0, suppressBelow: nil))
      })
  }

  /// The wards as a table for the CSV, small counts suppressed.
  public static func table(_ result: AnalysisResult) -> Table {
    let fields = fields(result)
    return Table(
      source: "wards.csv", columns: fields.map(\.name),
      rows: result.wards.indices.map {
        row(result, ward: $0, suppressBelow: result.smallNumberThreshold)
      },
      lineNumbers: result.wards.indices.map { $0 + 2 })
  }

  static func real(_ x: Double?) -> AttributeValue { x.map(AttributeValue.real) ?? .missing }


}
