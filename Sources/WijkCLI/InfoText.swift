import Foundation
import WijkAnalysis
import WijkEngine
import WijkIO

/// The plain-text form of `wijk info`.
enum InfoText {
  static func render(_ t: TableInspection) -> String {
    var lines = ["file:      \(t.file)"]
    if let kind = t.sheetKind, !t.sheets.isEmpty {
      let listed = t.sheets.map { s in
        s.name + (s.rows.map { " (\($0) row\($0 == 1 ? "" : "s"))" } ?? "")
          + (s.name == t.sheet ? " ← read" : "")
      }
      let pad = String(repeating: " ", count: max(1, 9 - kind.count))
      lines.append("\(kind)s:" + pad + listed.joined(separator: ", "))
    }
    lines.append("table:     \(t.rowCount) rows, \(t.columns.count) columns")
    if let driver = t.driver {
      let formulas = ["XLSX", "ODS"].contains(driver) ? " (formulas as their results)" : ""
      lines.append("read by:   GDAL's \(driver) driver, every cell as stored\(formulas)")
      lines.append("numbers:   as stored; numbers written as text in \(t.numberConvention)")
    } else {
      lines += [
        "separator: \(t.separator) (\(t.separatorDetected ? "detected from the header" : "as given"))",
        "numbers:   \(t.numberConvention) (\(t.numberConventionDetected ? "detected from the separator; --decimal to change" : "as given"))",
        "encoding:  \(t.encoding)",
      ]
    }
    lines.append("columns:")
    // A sheet or an attribute table has rows, not lines.
    let place: (String) -> String = { text in
      t.driver == nil
        ? text
        : text.replacingOccurrences(of: "line ", with: "row ").replacingOccurrences(
          of: "lines ", with: "rows ")
    }
    for c in t.columns {
      var line = "  \(c.name): \(c.type)"
      if c.type != "text" && c.type != "code" && c.type != "empty" {
        line += ", \(c.numbers) number\(c.numbers == 1 ? "" : "s")"
      }
      if c.type == "text" || c.type == "code" { line += ", \(c.distinct) distinct" }
      lines.append(line)
      for m in c.missing {
        lines.append(place("      missing: " + m.description.dropFirst(c.name.count + 2)))
      }
      if let z = c.lostZeros {
        lines.append(
          "      lost zeros: \(z.count) code\(z.count == 1 ? "" : "s") stored as a number, "
            + "shorter than the others: "
            + zip(z.lines, z.cells).map { "row \($0) '\($1)'" }.joined(separator: ", ")
            + (z.count > z.lines.count ? ", …" : "")
            + " (format the column as Text and retype them, or pad with pad_keys / --pad-keys)")
      }
      if let n = c.nonNumeric {
        lines.append(
          "      not a number: \(n.count) cell\(n.count == 1 ? "" : "s"): "
            + zip(n.lines, n.cells).map { place("line \($0) '\($1)'") }.joined(separator: ", ")
            + (n.count > n.lines.count ? ", …" : ""))
      }
    }
    for k in t.keys {
      let what = "key \(k.column)\(k.given ? "" : " (looks like a key)")"
      if k.duplicates.isEmpty {
        lines.append("\(what): unique")
      } else {
        lines.append("\(what): \(k.duplicates.count) value(s) on more than one line")
        for d in k.duplicates.prefix(20) {
          lines.append(
            place("  \(d.key): lines ") + d.lines.map(String.init).joined(separator: ", "))
        }
        if k.duplicates.count > 20 { lines.append("  … and \(k.duplicates.count - 20) more") }
        if let hint = k.hint { lines.append("  hint: \(hint)") }
      }
      for i in k.invisibleCharacters.prefix(10) {
        lines.append(
          "  invisible characters: \(i.key) (line \(i.lines[0])); a join removes them with a note")
      }
      if !k.emptyLines.isEmpty {
        lines.append(
          place("  empty key at lines ") + k.emptyLines.map(String.init).joined(separator: ", "))
      }
    }
    lines.append("missing markers: \(t.missingMarkers) (more with --missing-values)")
    lines += t.warnings.map { "warning: \($0)" }
    lines.append(
      t.isUsable
        ? "verdict:   usable as a table"
        : "verdict:   fix the problems above (duplicate keys, non-numeric cells) before joining it")
    return lines.joined(separator: "\n")
  }

  static func render(_ i: LayerInspection) -> String {
    var lines = [
      "file:      \(i.file)",
      "layer:     \(i.layer)" + (i.driver.map { " (\($0))" } ?? ""),
      "CRS:       " + crsText(i),
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
    let polygonal = i.geometryTypes.keys.contains { $0.hasSuffix("Polygon") || $0 == "Unknown" }
    if let field = i.codeField {
      lines += section("duplicate codes in \(field)", i.duplicateCodes.map(\.description))
    }
    if hasGeometry && polygonal {
      lines += section("invalid features", i.invalidFeatures.map(describe))
    }
    if i.skipped.isEmpty {
      lines += section("overlapping features", i.overlaps.map(describe))
      lines += section(
        "gaps in the coverage",
        i.gaps.map {
          "\(fmt($0.squareMetres)) m² near (\(fmt($0.x)), \(fmt($0.y)))"
        })
      lines += section(
        "slivers (wards closer than \(small(i.sliverTolerance)) m without touching)",
        i.slivers.map(describe))
    }
    lines += i.skipped.map { "not checked: \($0)" }
    lines += i.warnings.map { "warning: \($0)" }
    lines += i.notes.map { "note:      \($0)" }
    lines.append("verdict:   " + verdict(i, hasGeometry: hasGeometry))
    return lines.joined(separator: "\n")
  }

  /// Whether the commands accept the layer (and what needs a look even so), and what would
  /// make them.
  static func verdict(_ i: LayerInspection, hasGeometry: Bool) -> String {
    if i.isUsableAsWards {
      return i.attention.isEmpty
        ? "usable as a ward layer"
        : "usable as a ward layer, but needs attention: " + i.attention.joined(separator: "; ")
    }
    guard hasGeometry else {
      return "not a ward layer (no polygons); choose another layer with --layer"
    }
    if let kind = i.geometryTypes.keys.first(where: { ["Point", "MultiPoint", "LineString", "MultiLineString"].contains($0) }),
      i.geometryTypes.count == 1
    {
      return "not a ward layer (\(kind) features, not checked as wards)"
    }
    if i.crs == nil && i.crsName == nil {
      return "give the layer's CRS with --crs (e.g. --crs EPSG:31370), then check it again"
    }
    var options: [String] = []
    if !i.invalidFeatures.isEmpty { options.append("--repair") }
    if !i.overlaps.isEmpty { options.append("--allow-overlaps") }
    if !i.duplicateCodes.isEmpty { options.append("--dissolve-duplicates") }
    let accept =
      options.isEmpty
      ? "" : " (or let the commands go on with \(options.joined(separator: ", ")))"
    return "fix the problems above before using it as a ward layer\(accept)"
  }

  /// "EPSG:31370 — BD72 / Belgian Lambert 72", with how it was recognised from a definition
  /// without a code, or that there is none.
  static func crsText(_ i: LayerInspection) -> String {
    let name = i.crsName.map { " — \($0)" } ?? ""
    guard let r = i.crsRecognition else {
      return i.crs.map { $0 + name } ?? "none declared (give one with --crs)"
    }
    switch r.outcome {
    case .identified:
      return "EPSG:\(r.epsg!)\(name), identified by PROJ from '\(r.name)' (confidence 100 %)"
    case .equivalent:
      let agreement = r.deviationMetres.map { ", agreement \(CRSRecognition.length($0))" } ?? ""
      return "EPSG:\(r.epsg!)\(name), equivalent to the file's '\(r.name)' (PROJ's "
        + "confidence \(r.confidence ?? 0) %\(agreement) over its area of use)"
    case .refused:
      return "the file's own definition '\(r.name)', not an EPSG code (\(r.reason ?? "no match"))"
    }
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
