import Cartography

/// A QGIS layer style as QML, the XML QGIS 3 writes to a `.qml` file and to a GeoPackage's
/// `layer_styles.styleQML` (QGIS `QgsMapLayer::exportNamedStyle`): a renderer for polygons
/// and the field aliases. Symbol layers use the `<prop k= v=>` form, which QGIS 3.22 writes
/// and every later QGIS 3 reads.
///
/// Ward fills are outlined as the SVG maps draw them (`#4d4d4d`, round joins).
public struct QGISStyle: Sendable, Equatable {
  /// One class of a graduated renderer: a value `v` with `lower ≤ v ≤ upper` is drawn in
  /// `colour`; QGIS takes the first matching range, so with ranges in increasing order a
  /// value on a bound belongs to the lower class, as in mapclassify's right-closed classes.
  public struct Range: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    public var label: String
    /// `#rrggbb`.
    public var colour: String
  }

  /// One category of a categorized renderer; the value `""` is QGIS's "all other values".
  public struct Category: Sendable, Equatable {
    public var value: String
    public var label: String
    /// `#rrggbb`.
    public var colour: String
  }

  /// A field's alias (its name as shown in QGIS's attribute table and forms).
  public struct Alias: Sendable, Equatable {
    public var field: String
    public var alias: String
  }

  /// The QML document.
  public var qml: String

  /// A graduated-colour renderer on `field` (QGIS `graduatedSymbol`, `GraduatedColor`).
  /// - Parameter method: QGIS's classification method id (`Quantile`, `Jenks`,
  ///   `EqualInterval`), kept so that QGIS shows how the classes were made.
  public static func graduated(
    field: String, method: String, ranges: [Range], aliases: [Alias]
  ) -> QGISStyle {
    var renderer = [
      "  <renderer-v2 type=\"graduatedSymbol\" attr=\"\(field.xmlEscaped)\" "
        + "graduatedMethod=\"GraduatedColor\" symbollevels=\"0\" forceraster=\"0\" "
        + "enableorderby=\"0\">",
      "    <ranges>",
    ]
    for (i, r) in ranges.enumerated() {
      renderer.append(
        "      <range symbol=\"\(i)\" lower=\"\(r.lower)\" upper=\"\(r.upper)\" "
          + "label=\"\(r.label.xmlEscaped)\" render=\"true\"/>")
    }
    renderer.append("    </ranges>")
    renderer += symbols(ranges.map(\.colour))
    renderer += [
      "    <classificationMethod id=\"\(method.xmlEscaped)\">",
      "      <symmetricMode enabled=\"0\" symmetrypoint=\"0\" astride=\"0\"/>",
      "      <labelFormat format=\"%1 - %2\" labelprecision=\"2\" trimtrailingzeroes=\"1\"/>",
      "    </classificationMethod>",
      "  </renderer-v2>",
    ]
    return QGISStyle(qml: document(renderer, aliases: aliases))
  }

  /// A categorized renderer on `field` (QGIS `categorizedSymbol`).
  public static func categorized(field: String, categories: [Category], aliases: [Alias])
    -> QGISStyle
  {
    var renderer = [
      "  <renderer-v2 type=\"categorizedSymbol\" attr=\"\(field.xmlEscaped)\" "
        + "symbollevels=\"0\" forceraster=\"0\" enableorderby=\"0\">",
      "    <categories>",
    ]
    for (i, c) in categories.enumerated() {
      renderer.append(
        "      <category symbol=\"\(i)\" value=\"\(c.value.xmlEscaped)\" "
          + "label=\"\(c.label.xmlEscaped)\" render=\"true\"/>")
    }
    renderer.append("    </categories>")
    renderer += symbols(categories.map(\.colour))
    renderer.append("  </renderer-v2>")
    return QGISStyle(qml: document(renderer, aliases: aliases))
  }

  /// `#ffeda0` → `255,237,160,255`, QGIS's colour property.
  public static func qgisColour(_ hex: String) -> String {
    let digits = Array(hex.dropFirst())
    let parts = stride(from: 0, to: 6, by: 2).map {
      Int(String(digits[$0..<$0 + 2]), radix: 16) ?? 0
    }
    return parts.map(String.init).joined(separator: ",") + ",255"
  }

  private static func document(_ renderer: [String], aliases: [Alias]) -> String {
    var lines = [
      "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>",
      "<qgis version=\"3.22.0\" styleCategories=\"Symbology|Fields\">",
    ]
    lines += renderer
    lines.append("  <aliases>")
    for (i, a) in aliases.enumerated() {
      lines.append(
        "    <alias field=\"\(a.field.xmlEscaped)\" index=\"\(i)\" "
          + "name=\"\(a.alias.xmlEscaped)\"/>")
    }
    lines += ["  </aliases>", "</qgis>"]
    return lines.joined(separator: "\n") + "\n"
  }

  /// The `<symbols>` block (one solid fill per colour, named by index) and the
  /// `<source-symbol>` QGIS keeps for new classes.
  private static func symbols(_ colours: [String]) -> [String] {
    var lines = ["    <symbols>"]
    for (i, colour) in colours.enumerated() { lines += fill(name: String(i), colour: colour) }
    lines += ["    </symbols>", "    <source-symbol>"]
    lines += fill(name: "0", colour: colours.first ?? "#ffffff")
    lines.append("    </source-symbol>")
    return lines
  }

  private static func fill(name: String, colour: String) -> [String] {
    [
      "      <symbol type=\"fill\" name=\"\(name)\" alpha=\"1\" clip_to_extent=\"1\" "
        + "force_rhr=\"0\">",
      "        <layer class=\"SimpleFill\" enabled=\"1\" locked=\"0\" pass=\"0\">",
      "          <prop k=\"color\" v=\"\(qgisColour(colour))\"/>",
      "          <prop k=\"joinstyle\" v=\"round\"/>",
      "          <prop k=\"outline_color\" v=\"77,77,77,255\"/>",
      "          <prop k=\"outline_style\" v=\"solid\"/>",
      "          <prop k=\"outline_width\" v=\"0.2\"/>",
      "          <prop k=\"outline_width_unit\" v=\"MM\"/>",
      "          <prop k=\"style\" v=\"solid\"/>",
      "        </layer>",
      "      </symbol>",
    ]
  }
}
