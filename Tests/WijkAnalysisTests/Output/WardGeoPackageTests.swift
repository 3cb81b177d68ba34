import Foundation
import Testing
import WijkCore
import WijkIO

@testable import WijkAnalysis

/// The working GeoPackage `wijk analyse` writes, opened with GDAL as QGIS opens it: one style
/// per indicator map in `layer_styles` with the exact figures' classes and the SVG map's
/// colours, the first indicator's as default, Dutch aliases, counts as integers.
@Suite(.serialized) struct WardGeoPackageTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The main job on GeoData/wijk-genk.yaml (99 permutations), written to a fresh folder.
  static let written: Result<(Analysis.Run, String), any Error> = Result {
    var config = try ConfigurationLoader.load(
      path: root.appendingPathComponent("GeoData/wijk-genk.yaml").path)
    config.permutations = 99
    let run = try Analysis.run(config)
    let folder = NSTemporaryDirectory() + "wijk-gpkg-" + UUID().uuidString
    try AnalysisOutputs.write(run, to: folder)
    return (run, folder)
  }

  static func styles(_ folder: String) throws -> [String: [AttributeValue]] {
    let layer = try LayerReader.read(path: folder + "/" + WorkingFiles.wards, layer: "layer_styles")
      .layer
    var byName: [String: [AttributeValue]] = [:]
    for f in layer.features { byName[f.values[layer.fieldIndex("styleName")!].text!] = f.values }
    return byName
  }

  @Test func oneChoroplethAndOneClusterStylePerIndicatorTheFirstAsDefault() throws {
    let (run, folder) = try Self.written.get()
    let layer = try LayerReader.read(path: folder + "/" + WorkingFiles.wards, layer: "layer_styles")
      .layer
    let names = layer.column("styleName")!.map(\.text!)
    let ids = run.result.indicators.map(\.id)
    #expect(names == ids.flatMap { [$0, "\($0)_lisa"] })
    let defaults = zip(names, layer.column("useAsDefault")!).filter { $0.1.number == 1 }
    #expect(defaults.map(\.0) == [ids[0]])
    // QGIS finds a layer's styles by an empty schema, the table and its geometry column.
    #expect(Set(layer.column("f_table_schema")!.map(\.text)) == [""])
    #expect(Set(layer.column("f_table_name")!.map(\.text)) == ["wards"])
    #expect(Set(layer.column("f_geometry_column")!.map(\.text)) == ["geom"])
  }

  /// Bounds are the analysis's exact classes, labels the legend of the exact figures' map,
  /// colours the published SVG map's palette.
  @Test func choroplethStylesHaveTheExactClassesAndTheSVGsColours() throws {
    let (run, folder) = try Self.written.get()
    for indicator in run.result.indicators {
      let classes = try #require(indicator.classes)
      let ranges = try Self.ranges(folder, indicator.id)
      let exact = try #require(
        try IndicatorMaps.choroplethMap(
          indicator, withheldWardIDs: [], table: run.table, credits: [], language: .dutch))
      let svg = try String(
        contentsOfFile: "\(folder)/maps/\(indicator.id).svg", encoding: .utf8)
      let legend = Self.matches(
        #"data-kind="class" data-key="(\d+)"><rect [^>]*fill="(#[0-9a-f]{6})"[^>]*/>"#, in: svg)
      #expect(ranges.map(\.upper) == classes.upperBounds)
      #expect(ranges.first?.lower == indicator.wards.compactMap(\.value).min())
      for c in 1..<ranges.count { #expect(ranges[c].lower == ranges[c - 1].upper) }
      #expect(ranges.map(\.label) == exact.classLabels(), "labels of \(indicator.id)")
      #expect(
        ranges.map(\.colour) == exact.palette.colours.map(QGISStyle.qgisColour),
        "colours of \(indicator.id)")
      #expect(
        legend.map { QGISStyle.qgisColour($0[1]) }
          == Array(ranges.map(\.colour).prefix(legend.count)),
        "the published map's palette for \(indicator.id)")
    }
  }

  /// The choice for the working file: its styles classify the exact figures it holds, not
  /// the published values. On Genk with the threshold at 50 (real counts withheld) the
  /// published map's classes differ; the styles' are the exact ones, hold the exact classes'
  /// counts of wards, and say they are exact and not for publication.
  @Test func stylesClassifyTheExactFiguresNotThePublishedOnes() throws {
    let run = try PublicationFixtures.genk.get()
    let publication = try Publication.make(run)
    let folder = NSTemporaryDirectory() + "wijk-gpkg-exact-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try AnalysisOutputs.write(run, to: folder)
    let differing = run.result.indicators.indices.filter { k in
      publication.result.indicators[k].classes?.upperBounds
        != run.result.indicators[k].classes?.upperBounds
    }
    try #require(!differing.isEmpty, "no indicator whose published classes differ")
    let styles = try Self.styles(folder)
    for k in differing {
      let exact = run.result.indicators[k]
      let classes = try #require(exact.classes)
      let ranges = try Self.ranges(folder, exact.id)
      #expect(ranges.map(\.upper) == classes.upperBounds, "\(exact.id)")
      #expect(
        ranges.map(\.upper) != publication.result.indicators[k].classes?.upperBounds,
        "\(exact.id)")
      // QGIS puts a value in the first range holding it.
      var counts = Array(repeating: 0, count: ranges.count)
      for v in exact.wards.compactMap(\.value) {
        if let c = ranges.firstIndex(where: { $0.lower <= v && v <= $0.upper }) { counts[c] += 1 }
      }
      #expect(counts == classes.counts, "\(exact.id)")
      let description = try #require(styles[exact.id]).compactMap(\.text).first {
        $0.contains("exacte klassen")
      }
      #expect(description?.hasSuffix("exacte klassen, niet om te publiceren") == true)
    }
  }

  /// The ranges of the graduated style `name` in the working GeoPackage in `folder`.
  static func ranges(_ folder: String, _ name: String) throws
    -> [(lower: Double, upper: Double, label: String, colour: String)]
  {
    let qml = try #require(styles(folder)[name]).compactMap(\.text).first {
      $0.hasPrefix("<!DOCTYPE qgis")
    }!
    let ranges = Self.matches(
      #"<range symbol="(\d+)" lower="([^"]+)" upper="([^"]+)" label="([^"]*)""#, in: qml)
    let colours = Self.matches(#"<prop k="color" v="([0-9,]+)"/>"#, in: qml).map { $0[0] }
    return ranges.enumerated().map { c, r in
      (Double(r[1]) ?? .nan, Double(r[2]) ?? .nan, r[3], colours[c])
    }
  }

  @Test func clusterStylesUseGeoDasColours() throws {
    let (run, folder) = try Self.written.get()
    let qml = try #require(Self.styles(folder)["\(run.result.indicators[0].id)_lisa"]).compactMap(
      \.text
    ).first { $0.hasPrefix("<!DOCTYPE qgis") }!
    let categories = Self.matches(
      #"<category symbol="\d+" value="([^"]*)" label="([^"]*)""#, in: qml)
    #expect(categories.first?[0] == "HH" && categories.first?[1] == "Hoog-Hoog")
    let colours = Self.matches(#"<prop k="color" v="([0-9,]+)"/>"#, in: qml).map { $0[0] }
    // GeoDa: High-High (255,0,0), Low-High (150,150,255), Low-Low (0,0,255), High-Low (255,150,150).
    #expect(
      Array(colours.prefix(4)) == [
        "255,0,0,255", "150,150,255,255", "0,0,255,255", "255,150,150,255",
      ])
  }

  @Test func dutchAliasesAndDescriptionsInDataColumns() throws {
    let (run, folder) = try Self.written.get()
    let columns = try LayerReader.read(
      path: folder + "/" + WorkingFiles.wards,
      layer: "sql:SELECT column_name, name, description FROM gpkg_data_columns "
        + "WHERE table_name = 'wards'"
    ).layer
    var alias: [String: String] = [:]
    for f in columns.features { alias[f.values[0].text!] = f.values[1].text }
    let gas = try #require(run.result.indicators.first { $0.id == "gas_share" })
    #expect(alias["code"] == "Wijkcode")
    #expect(alias["gas_share"] == "Aandeel woonaansluitingen met aardgas (%)")
    #expect(alias["gas_share_lq"] == "\(gas.label): locatiequotiënt")
    #expect(alias.count == WardExport.fields(run.result).count)
    #expect(Set(alias.values).count == alias.count)
    let extension_ = try LayerReader.read(
      path: folder + "/" + WorkingFiles.wards,
      layer: "sql:SELECT extension_name FROM gpkg_extensions WHERE table_name = 'gpkg_data_columns'"
    ).layer
    #expect(extension_.column("extension_name")?.map(\.text) == ["gpkg_schema"])
    // The QGIS style carries the same aliases.
    let qml = try #require(Self.styles(folder)["gas_share"]).compactMap(\.text).first {
      $0.hasPrefix("<!DOCTYPE qgis")
    }!
    #expect(qml.contains("<alias field=\"code\" index=\"0\" name=\"Wijkcode\"/>"))
  }

  @Test func countsAreIntegers() throws {
    let (run, folder) = try Self.written.get()
    let wards = try LayerReader.read(path: folder + "/" + WorkingFiles.wards, layer: "wards").layer
    let type = { (name: String) in wards.fields[wards.fieldIndex(name)!].type }
    #expect(type("households") == .integer)
    #expect(type("households_num") == .integer)
    #expect(type("gas_share_num") == .integer && type("gas_share_base") == .integer)
    #expect(type("gas_share") == .real)
    let households = try #require(run.result.indicators.first { $0.id == "households" })
    #expect(
      wards.column("households")!.map(\.number) == households.wards.map(\.value))
  }

  static func matches(_ pattern: String, in text: String) -> [[String]] {
    let regex = try! NSRegularExpression(pattern: pattern)
    return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { m in
      (1..<m.numberOfRanges).map { String(text[Range(m.range(at: $0), in: text)!]) }
    }
  }
}

@Suite struct DatabaseProvenanceTests {
  func layer(_ codes: [String]) -> Layer {
    Layer(
      name: "t", source: "PG:dbname=x", crs: nil, fields: [Field(name: "code", type: .text)],
      features: codes.enumerated().map { Feature(index: $0, geometry: nil, values: [.text($1)]) })
  }

  @Test func rowChecksumIgnoresOrderButNotContent() {
    let a = Provenance.rowsChecksum(layer(["A", "B", "C"]))
    #expect(a.sha256 == Provenance.rowsChecksum(layer(["C", "A", "B"])).sha256)
    #expect(a.sha256 != Provenance.rowsChecksum(layer(["A", "B", "D"])).sha256)
    #expect(a.sha256 != Provenance.rowsChecksum(layer(["A", "B"])).sha256)
  }

  @Test func databaseInputShowsNoPassword() {
    let input = Provenance.input(
      database: "PG:dbname=genk password=s3cret", layer: "public.wijken", rows: layer(["A"]))
    #expect(input.path == "PG:dbname=genk password=***")
    #expect(input.layer == "public.wijken" && input.rows == 1)
  }

  @Test func connectionStringsAreNotResolvedAgainstTheConfigurationFolder() throws {
    let yaml = """
      wards: { file: "PG:dbname=genk host=gis", layer: "sql:SELECT * FROM w", code: c, name: n }
      indicators: [{ id: a, kind: count, numerator: a, label: A }]
      out_db: { connection: "PG:dbname=genk", table: wijk.wards_2021 }
      """
    let c = try ConfigurationLoader.parse(yaml, file: "/data/config/wijk.yaml")
    #expect(c.wards.file == "PG:dbname=genk host=gis")
    #expect(c.outDB == DatabaseOutput(connection: "PG:dbname=genk", table: "wijk.wards_2021"))
    #expect(throws: ConfigurationError.self) {
      try ConfigurationLoader.parse(
        yaml.replacingOccurrences(of: "wijk.wards_2021", with: "\"Wards 2021\""),
        file: "/data/config/wijk.yaml")
    }
  }
}
