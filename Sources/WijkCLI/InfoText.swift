import Foundation
import WijkAnalysis

/// The plain-text form of `wijk info`.
enum InfoText {
  static func render(_ i: LayerInspection) -> String {
    var lines = [
      "file:      \(i.file)",
      "layer:     \(i.layer)" + (i.driver.map { " (\($0))" } ?? ""),
      "CRS:       "
        + (i.crs.map { c in c + (i.crsName.map { " — \($0)" } ?? "") }
          ?? "none declared (give one with --crs)"),
      "features:  \(i.featureCount) ("
        + i.geometryTypes.sorted { $0.key < $1.key }
        .map { "\($0.value) \($0.key)" }.joined(separator: ", ") + ")",
    ]
    if let e = i.extent {
      lines.append("extent:    \(fmt(e[0])) \(fmt(e[1])) – \(fmt(e[2])) \(fmt(e[3]))")
    }
    if let km2 = i.totalSquareKilometres {
      lines.append("area:      \(String(format: "%.2f", km2)) km² (sum of the features)")
    }
    lines.append("fields:    " + i.fields.map { "\($0.name) (\($0.type))" }.joined(separator: ", "))
    let hasGeometry = i.geometryTypes.keys.contains { $0 != "none" }
    if hasGeometry { lines += section("invalid features", i.invalidFeatures.map(describe)) }
    if i.skipped.isEmpty {
      lines += section("overlapping features", i.overlaps.map(describe))
      lines += section(
        "gaps in the coverage",
        i.gaps.map {
          "\(fmt($0.squareMetres)) m² near (\(fmt($0.x)), \(fmt($0.y)))"
        })
      lines += section(
        "slivers (wards closer than \(fmt(i.sliverTolerance)) m without touching)",
        i.slivers.map(describe))
    }
    lines += i.skipped.map { "not checked: \($0)" }
    lines += i.warnings.map { "warning: \($0)" }
    lines.append(
      i.isUsableAsWards
        ? i.attention.isEmpty
          ? "verdict:   usable as a ward layer"
          : "verdict:   usable as a ward layer, but needs attention: "
            + i.attention.joined(separator: "; ")
        : hasGeometry
          ? "verdict:   fix the problems above before using it as a ward layer"
          : "verdict:   not a ward layer (no polygons); choose another layer with --layer")
    return lines.joined(separator: "\n")
  }

  static func section(_ title: String, _ items: [String]) -> [String] {
    items.isEmpty ? ["\(title): none"] : ["\(title): \(items.count)"] + items.map { "  - \($0)" }
  }

  static func describe(_ f: LayerInspection.InvalidFeature) -> String {
    let at = f.x.map { x in " at (\(fmt(x)), \(fmt(f.y ?? 0)))" } ?? ""
    return "feature \(f.index)" + (f.label.map { " (\($0))" } ?? "") + ": \(f.reason)\(at)"
  }

  static func describe(_ o: LayerInspection.OverlapSummary) -> String {
    let a = "feature \(o.first)" + (o.firstLabel.map { " (\($0))" } ?? "")
    let b = "feature \(o.second)" + (o.secondLabel.map { " (\($0))" } ?? "")
    return
      "\(a) and \(b) overlap by \(fmt(o.squareMetres)) m² (\(String(format: "%.2f", o.squareMetres / 10_000)) ha)"
  }

  /// "W01 and W02 are 0.05 m apart along 1000 m (a 50 m² sliver) near (230000.03, 184500)".
  static func describe(_ s: LayerInspection.SliverSummary) -> String {
    let a = s.firstLabel ?? "feature \(s.first)"
    let b = s.secondLabel ?? "feature \(s.second)"
    let length = s.length >= 10 ? String(Int64(s.length.rounded())) : fmt(s.length)
    let at = s.x.map { x in " near (\(fmt(x)), \(fmt(s.y ?? 0)))" } ?? ""
    let sliver = "along \(length) m (a \(fmt(s.squareMetres)) m² sliver)\(at)"
    return s.separation > 0
      ? "\(a) and \(b) are \(small(s.separation)) m apart \(sliver)"
      : "\(a) and \(b) touch at one end and leave a strip between them \(sliver)"
  }

  /// A small distance in metres: three significant digits below 1 cm, else to 0.01.
  static func small(_ v: Double) -> String {
    v > 0 && v < 0.01 ? String(format: "%.3g", v) : fmt(v)
  }

  /// Metres to 0.01, without trailing zeros.
  static func fmt(_ v: Double) -> String {
    let rounded = (v * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int64(rounded)) : String(format: "%.2f", rounded)
  }
}
