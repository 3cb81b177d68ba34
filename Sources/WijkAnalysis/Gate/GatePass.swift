import Foundation
import WijkCore
import WijkEngine
import WijkIO

/// One pass of a layer through ``WardLayerGate``: the steps in order, each either stopping
/// (`enforcing`, for the commands) or recording the fault (for `wijk info`).
struct GatePass {
  let request: WardLayerRequest
  let options: WardLoadingOptions
  let enforcing: Bool
  var layer: Layer
  var codes: [String] = []
  var names: [String] = []
  var report = WardLoadingReport()
  var findings: WardLayerFindings

  /// Reads the file (step 1): reading errors stop in both modes.
  init(_ request: WardLayerRequest, options: WardLoadingOptions, enforcing: Bool) throws {
    self.request = request
    self.options = options
    self.enforcing = enforcing
    let assumed = (options.crs ?? request.crs).map { CRSDefinition(authorityCode: $0) }
    let reading = try LayerReader.read(
      path: request.file, layer: request.layer, encoding: options.encoding ?? request.encoding,
      assumeCRS: assumed)
    layer = reading.layer
    // Every message and report names the layer without a connection's password.
    report.file = DataSourceName.redacted(request.file)
    if DataSourceName.isConnection(request.file) {
      report.database = Provenance.input(
        database: request.file, layer: request.layer ?? reading.layer.name, rows: reading.layer)
    }
    report.readerWarnings = reading.report.warnings.map(\.description)
    findings = WardLayerFindings(
      reading: ReadReportSummary(driver: reading.report.driver, warnings: report.readerWarnings))
  }

  /// The field the codes come from, once the layer is read; `nil` for feature numbers.
  var codeField: String? {
    switch request.codes {
    case .field(let f): f
    case .featureNumbers: nil
    case .firstTextField: layer.fields.first { $0.type == .text }?.name
    }
  }

  var checked: CheckedWardLayer {
    CheckedWardLayer(
      layer: layer, codes: codes, codeField: codeField, names: names, report: report)
  }

  mutating func run() throws {
    try recogniseCRS()
    try readCodes()
    let duplicates = try checkDuplicates()
    guard try projectOrAccept() else { return }
    guard try checkValidity() else { return }
    // `wijk info` lists the duplicates feature by feature; only a command dissolves them.
    if enforcing && options.dissolveDuplicates && !duplicates.isEmpty { try dissolve(duplicates) }
    try checkOverlaps()
  }

  /// Step 2: a CRS without an EPSG code is recognised, or kept as the file defines it.
  mutating func recogniseCRS() throws {
    guard let declared = layer.crs, let recognition = try CRSRecognizer.recognise(declared)
    else { return }
    findings.recognition = recognition
    report.crsRecognition = recognition.sentence(file: Self.crsFile(of: report.file))
    layer.crs = recognition.definition(replacing: declared)
  }

  /// The file a CRS was read from: a Shapefile's `.prj`, else the file itself.
  static func crsFile(of path: String) -> String {
    guard path.lowercased().hasSuffix(".shp") else { return path }
    let base = (path as NSString).deletingPathExtension
    return [".prj", ".PRJ"].map { base + $0 }.first(where: FileManager.default.fileExists) ?? path
  }

  /// Step 3: codes and names.
  mutating func readCodes() throws {
    if let field = codeField {
      codes = try WardLayerGate.textColumn(field, of: layer)
    } else {
      codes = layer.features.indices.map { String($0 + 1) }
    }
    if let nameField = request.nameField {
      names = try WardLayerGate.textColumn(nameField, of: layer)
    }
  }

  /// Step 4: codes carried by several features (compared trimmed and in NFC).
  mutating func checkDuplicates() throws -> [DuplicateWardCode] {
    guard let field = codeField else { return [] }
    var positions: [String: [Int]] = [:]
    var order: [String] = []
    for (k, code) in codes.enumerated() {
      let key = KeyNormalisation.codes.normalise(code)
      if positions[key] == nil { order.append(key) }
      positions[key, default: []].append(k)
    }
    let duplicates = order.compactMap { key -> DuplicateWardCode? in
      let features = positions[key]!
      return features.count > 1
        ? DuplicateWardCode(code: codes[features[0]], features: features) : nil
    }
    findings.duplicates = duplicates
    if enforcing, !options.dissolveDuplicates, let first = duplicates.first {
      throw AnalysisError.duplicateWardCode(
        file: report.file, field: field, code: first.code, features: first.features)
    }
    return duplicates
  }

  /// Step 5: the CRS rules. `false` when the checks that need it cannot go on.
  mutating func projectOrAccept() throws -> Bool {
    guard let definition = layer.crs else {
      if request.requiresCRS && enforcing { throw AnalysisError.missingCRS(file: report.file) }
      report.unitsUnknown = true
      return true
    }
    let crs = try CoordinateReferenceSystem(definition)
    guard crs.isGeographic else { return true }
    let target = try CoordinateReferenceSystem(options.projectTo, context: crs.context)
    guard !target.isGeographic else {
      throw CommandInputError.invalidOption(
        name: "project-to", value: options.projectTo.description,
        expected: "a projected CRS (in metres), e.g. EPSG:31370")
    }
    if let area = target.areaOfUse, let extent = layer.envelope, !extent.intersects(area) {
      let error = AnalysisError.outsideAreaOfUse(
        file: report.file, crs: definition.description, target: options.projectTo.description)
      if enforcing { throw error }
      findings.skipped.append("overlaps, gaps, slivers and area: \(error)")
      return false
    }
    let transformer = try Transformer(from: crs, to: target)
    layer = try transformer.transform(layer)
    report.projectedFrom = definition.description
    report.projection =
      "projected from \(definition) to \(options.projectTo) "
      + "(\(transformer.operationName ?? "PROJ default operation"))"
    return true
  }

  /// Step 6: validity, with repair when asked. `false` when invalid features remain.
  mutating func checkValidity() throws -> Bool {
    let problems = try GeometryChecks.problems(in: layer)
    findings.invalid = problems
    guard !problems.isEmpty else { return true }
    if options.repair {
      let (fixed, repaired) = try GeometryChecks.repaired(layer)
      layer = fixed
      report.repaired = repaired.map { codes[$0] }
      return true
    }
    if enforcing {
      throw AnalysisError.invalidWards(
        file: report.file,
        problems: problems.map {
          "feature \($0.featureIndex) (\(codes[$0.featureIndex])): \($0.problem)"
        })
    }
    findings.skipped.append(
      "overlaps, gaps, slivers and area: \(problems.count) invalid feature(s) first")
    return false
  }

  /// Step 7: one feature per code, its geometry the union of the parts. Every other field
  /// must agree between the parts (a population cannot be told apart from a name, so
  /// nothing is summed or picked).
  mutating func dissolve(_ duplicates: [DuplicateWardCode]) throws {
    var drop = Set<Int>()
    for duplicate in duplicates {
      let first = duplicate.features[0]
      for (i, field) in layer.fields.enumerated() {
        let values = duplicate.features.map { layer.features[$0].values[i] }
        if values.contains(where: { $0 != values[0] }) {
          throw AnalysisError.dissolveConflict(
            file: report.file, code: duplicate.code, field: field.name,
            values: values.map { $0.text ?? $0.number.map { "\($0)" } ?? "(missing)" })
        }
      }
      let parts = duplicate.features.compactMap { layer.features[$0].geometry }
      layer.features[first].geometry = try GeometryChecks.union(parts)
      drop.formUnion(duplicate.features.dropFirst())
    }
    let kept = layer.features.indices.filter { !drop.contains($0) }
    layer.features = kept.map { layer.features[$0] }
    codes = kept.map { codes[$0] }
    if !names.isEmpty { names = kept.map { names[$0] } }
    report.dissolved = duplicates
  }

  /// Step 8: overlaps, accepted when asked.
  mutating func checkOverlaps() throws {
    let inLayerUnits = layer.crs == nil
    findings.overlapsInLayerUnits = inLayerUnits
    let overlaps = try GeometryChecks.overlaps(
      in: layer, minimumArea: inLayerUnits ? 0 : LayerInspector.sliverSquareMetres,
      inLayerUnits: inLayerUnits, minimumShare: inLayerUnits ? 1e-6 : 0)
    findings.overlaps = overlaps
    let sentences = overlaps.map { o in
      let area = Int(o.squareMetres.rounded())
      let size =
        inLayerUnits
        ? "\(area) square units of the layer (no CRS)"
        : "\(area) m² (" + String(format: "%.2f", o.squareMetres / 10_000) + " ha)"
      return "\(codes[o.first]) and \(codes[o.second]) overlap by \(size)"
    }
    if enforcing, !sentences.isEmpty, !options.allowOverlaps {
      throw AnalysisError.overlappingWards(file: report.file, overlaps: sentences)
    }
    if options.allowOverlaps { report.acceptedOverlaps = sentences }
  }
}
