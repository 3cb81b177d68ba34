import Foundation
import Testing
import WijkCore
import WijkIO

@testable import WijkAnalysis

/// The PostGIS server `make test` starts (scripts/with-postgis sets `WIJK_TEST_PG`); the
/// presence check that fails a required run without it is `PostGISServerPresenceTests`.
private let testDatabase = ProcessInfo.processInfo.environment["WIJK_TEST_PG"].flatMap {
  $0.isEmpty ? nil : $0
}

/// The ward table written to PostGIS is a working table, as the working GeoPackage is: named
/// and commented not for publication, with the exact figures (nothing withheld or rounded).
@Suite struct WardDatabaseNamingTests {
  @Test func theDefaultTableAndTheCommentSayNotForPublication() throws {
    #expect(DatabaseOutput.defaultTable == "wijk_wards_not_for_publication")
    #expect(DatabaseOutput.problem(withTable: DatabaseOutput.defaultTable) == nil)
    let comment = WardDatabase.comment(try PublicationFixtures.synthetic.get().result)
    #expect(comment.hasPrefix(WorkingFiles.notice))
  }
}

@Suite(
  .serialized,
  .enabled(
    if: testDatabase != nil,
    "skipped: no PostGIS test server (WIJK_TEST_PG is not set); `make test` starts one"))
struct WardDatabaseTests {
  let db = testDatabase ?? ""

  static func freshTable(_ prefix: String) -> String {
    prefix + "_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
  }

  /// Genk with the threshold at 50: the counts the publication withholds are in the table
  /// as they are in the working GeoPackage, every value unrounded (to the 15 significant
  /// digits GDAL's PostgreSQL driver writes, `%.15g`: relative difference below 1e-14), and
  /// the comment says the table is not for publication.
  @Test func theTableHoldsTheExactFiguresAndSaysItIsNotForPublication() throws {
    let run = try PublicationFixtures.genk.get()
    let publication = try Publication.make(run)
    let table = Self.freshTable("wijk_exact")
    try WardDatabase.write(run, to: DatabaseOutput(connection: db, table: table))
    let back = try LayerReader.read(path: db, layer: table).layer
    let codes = try #require(back.column("code")).map { $0.text ?? "" }
    let exact = WardGeoPackage.layer(run)
    for (k, field) in exact.fields.enumerated() where field.type != .text {
      let column = try #require(back.column(field.name), "\(field.name)")
      for (w, code) in run.table.codes.enumerated() {
        let row = try #require(codes.firstIndex(of: code))
        let (stored, value) = (column[row].number, exact.features[w].values[k].number)
        if field.type == .integer || stored == nil || value == nil {
          #expect(stored == value, "\(field.name) \(code)")
        } else if let stored, let value {
          #expect(abs(stored - value) <= 1e-14 * abs(value), "\(field.name) \(code)")
        }
      }
    }
    // The non-residential connections of 17, 21, 35, 41 and 45 are withheld in publication.
    let nonresidential = try #require(run.specs.first { $0.id == "nonresidential_connections" })
    let withheld = run.table.codes.indices.filter {
      publication.withheld(column: nonresidential.numerator, ward: $0) != nil
    }
    try #require(!withheld.isEmpty)
    let counts = try #require(back.column("nonresidential_connections"))
    for w in withheld {
      let row = try #require(codes.firstIndex(of: run.table.codes[w]))
      #expect(counts[row].number == run.table.columns[nonresidential.numerator]![w])
    }
    let comment = try LayerReader.read(
      path: db, layer: "sql:SELECT obj_description('public.\(table)'::regclass) AS comment"
    ).layer
    let text = try #require(comment.column("comment")?.first?.text)
    #expect(text.hasPrefix("NOT FOR PUBLICATION"))
    #expect(text == WardDatabase.comment(run.result))
  }

  /// Wards read from PostGIS with a password in the connection string: the password is in
  /// no output, the published spreadsheet's cells and the codebook included.
  @Test func thePasswordIsInNoOutput() throws {
    let secret = "not-the-real-password-\(UUID().uuidString.prefix(8))"
    var c = try PublicationFixtures.genkConfiguration.get()
    c.wards.file = "\(db) password=\(secret)"
    c.wards.layer = "wijken"
    let run = try Analysis.run(c)
    let folder = NSTemporaryDirectory() + "wijk-pg-secret-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try AnalysisOutputs.write(run, to: folder)
    #expect(run.result.provenance.inputs.first?.path.contains("password=***") == true)
    let files = try FileManager.default.subpathsOfDirectory(atPath: folder)
    #expect(files.contains("wards.xlsx") && files.contains("wards_codebook.csv"))
    for file in files {
      let path = folder + "/" + file
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder),
        !isFolder.boolValue
      else { continue }
      let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
      #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(file)")
    }
    // The workbook is compressed: read its sheets' cells.
    for sheet in ["wijken", "codeboek"] {
      let layer = try LayerReader.read(path: folder + "/wards.xlsx", layer: sheet).layer
      let cells = layer.features.flatMap(\.values).compactMap(\.text) + layer.fields.map(\.name)
      #expect(!cells.isEmpty)
      #expect(!cells.contains { $0.contains(secret) }, "\(sheet)")
    }
  }
}
