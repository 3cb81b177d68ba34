import Foundation
import WijkCore
import WijkEngine
import WijkIO

// The four joins of `wijk join`, each returning the columns to add (one value per ward, in
// feature order) and filling in the report.
extension JoinCommand {
  typealias Columns = [(name: String, values: [AttributeValue])]

  /// A key join (``KeyJoin``): keys compared as text, optionally zero-padded.
  static func tableJoin(
    file: String, key: String, pad: Int?, layer: Layer, _ request: JoinRequest,
    _ report: inout JoinCommandReport
  ) throws -> Columns {
    var options = request.csvOptions(textColumns: [key])
    if pad != nil { options.paddedColumns = [key] }
    let reading = try request.readTable(file, options: options)
    report.kind = "table"
    report.notes += reading.report.warnings.map(\.description)
    report.notes += conventionNote(file, reading.report)
    report.noteMissing(
      MissingCellCount.count(
        in: reading.table, columns: reading.table.columns.filter { $0 != key }))
    let joined = try KeyJoin.join(
      reading.table, onto: layer, layerKey: request.code, tableKey: key,
      options: KeyJoinOptions(
        normalisation: .codes, padding: pad.map(KeyPadding.toWidth) ?? .none,
        unmatched: request.allowUnmatched ? .warn : .error))
    fill(&report, joined.report)
    return joined.columns.map { name in (name, joined.column(name)!) }
  }

  /// Sectors to wards (``SectorAggregation``) then a key join on the ward code.
  static func sectorJoin(
    file: String, key: String, lookup: String, lookupSector: String, lookupWard: String,
    filter: [String: String], ratios: [RatioSpec], layer: Layer, _ request: JoinRequest,
    _ report: inout JoinCommandReport
  ) throws -> Columns {
    let textColumns = Set([key] + filter.keys)
    let ratioColumns = Set(ratios.flatMap { [$0.numerator, $0.base] }).subtracting(textColumns)
    let reading = try request.readTable(
      file, options: request.csvOptions(textColumns: textColumns, numericColumns: ratioColumns))
    let table = try filtered(reading.table, by: filter)
    let lookupTable = try TableReader.read(
      request.lookupPart.source(lookup),
      options: request.csvOptions(textColumns: [lookupSector, lookupWard])
    ).table
    let counts = numericColumns(table, excluding: textColumns)
    report.noteMissing(MissingCellCount.count(in: table, columns: counts))
    let specs =
      counts.map(AggregationSpec.count)
      + ratios.map {
        AggregationSpec(
          name: $0.name, kind: .rate(numerator: $0.numerator, base: $0.base, per: $0.per))
      }
    let aggregated = try SectorAggregation.aggregate(
      table, sectorColumn: key, lookup: lookupTable, lookupSector: lookupSector,
      lookupWard: lookupWard, indicators: specs)
    report.kind = "sectors"
    report.notes += conventionNote(file, reading.report)
    if !aggregated.lookupSectorsWithoutData.isEmpty {
      report.notes.append(
        "warning: \(aggregated.lookupSectorsWithoutData.count) sector(s) of the lookup have no "
          + "row in the table, so their wards may be incomplete: "
          + aggregated.lookupSectorsWithoutData.joined(separator: ", "))
    }
    report.notes.append(
      "\(table.rows.count) of \(reading.table.rows.count) rows kept by the filter; "
        + "\(counts.count) columns summed, \(ratios.count) recomputed from sums")
    for flag in aggregated.wards.missingFlags where flag.resultIsMissing {
      let value = aggregated.wards.value(flag.indicator, key: flag.key)
      let bound =
        flag.knownPart.map { "; the known part, \($0.shortText), is only a lower bound" } ?? ""
      report.notes.append(
        "\(flag.key[0].visibleInMessages) has no value for \(flag.indicator) "
          + "(\(value?.missingReason ?? "no value"))\(bound)")
    }
    let orphans = aggregated.sectorsWithoutWard.map(\.sector)
    if !orphans.isEmpty {
      guard request.allowUnmatched else {
        throw JoinError.sectorsWithoutWard(source: file, lookup: lookup, sectors: orphans)
      }
      report.notes.append("warning: sectors not in the lookup: " + orphans.joined(separator: ", "))
      // What they hold, so that a lookup of another vintage cannot pass unseen.
      let lost = IndicatorTableJoiner.totals(of: counts, in: table, key: key, keys: orphans)
      for c in counts {
        let total = IndicatorTableJoiner.sum(c, in: table)
        guard total != 0, let l = lost[c], l / total > UnmatchedAllowance.traceShare else { continue }
        report.notes.append(
          "warning: they hold \(IndicatorTableJoiner.percent(l / total)) of the total of \(c), "
            + "which no ward receives")
      }
    }
    let wardTable = aggregated.wards.table(source: "\(file) (per ward)")
    let joined = try KeyJoin.join(
      wardTable, onto: layer, layerKey: request.code, tableKey: lookupWard,
      options: KeyJoinOptions(unmatched: request.allowUnmatched ? .warn : .error))
    fill(&report, joined.report)
    return joined.columns.map { name in (name, joined.column(name)!) }
  }

  /// Points per ward by ``WardPointIndex``: each point in exactly one ward by default; the
  /// columns `sums` are summed per ward (only with `assign`, where a point has one ward).
  static func pointJoin(
    file: String, x: String, y: String, crs: String?, boundary: String, id: String?,
    sums: [String], layer: Layer, codes: [String], _ request: JoinRequest,
    _ report: inout JoinCommandReport
  ) throws -> Columns {
    guard let mode = PointJoinMode(rawValue: boundary) else {
      throw CommandInputError.invalidOption(
        name: "boundary", value: boundary, expected: "assign, within or intersects")
    }
    if !sums.isEmpty && mode != .assign {
      throw CommandInputError.invalidOption(
        name: "sum", value: sums.joined(separator: ","),
        expected: "--boundary assign, where every point is summed in one ward")
    }
    let file = try PointFile.read(file, x: x, y: y, sums: sums, id: id, request)
    request.clock?.enter("prepare")
    let projected = try transformed(file, from: crs, to: layer)
    let index = try WardPointIndex(wards: layer, codeField: request.code)
    request.clock?.enter("compute")
    let result = index.join(projected, mode: mode)
    report.kind = "points (\(mode.rawValue))"
    report.matched = result.counts.filter { $0 > 0 }.count
    report.unmatchedWards = codes.indices.filter { result.counts[$0] == 0 }.map { codes[$0] }
    report.onBoundary = result.boundaryPoints.map(file.label)
    // `within` drops boundary points on purpose: they are not outside the wards
    let onBoundary = Set(result.boundaryPoints)
    report.outside = result.outsidePoints.filter { !onBoundary.contains($0) }.map(file.label)
    report.notes.append(
      "\(projected.count) points; the ward counts add up to \(result.countedTotal); "
        + pointRule(mode))
    report.notes += result.warnings(codes: codes)
    if !report.outside.isEmpty && !request.allowUnmatched {
      throw JoinCommandError.unmatched(
        what: "point(s) outside every ward", items: report.outside, report: report.text)
    }
    let summed = try sums.indices.map { k in
      (sums[k], try pointSums(file, k, column: sums[k], result, &report))
    }
    return [("n_points", result.counts.map { .integer(Int64($0)) })] + summed
  }

  /// Summed column `k` of the points per ward; a point without a value makes its ward's sum
  /// missing (never a silent zero), and the report counts them.
  static func pointSums(
    _ file: PointFile, _ k: Int, column: String, _ result: PointJoinResult,
    _ report: inout JoinCommandReport
  ) throws -> [AttributeValue] {
    let missing = file.sumMissing[k]
    let sums = try result.sums(of: file.sum(k))
    report.notes.append(
      "\(column) summed per ward over the points counted in it"
        + (missing > 0 ? "; \(missing) point(s) without a value leave their ward's sum missing" : ""))
    return sums
  }

  /// The boundary rule in words, for the report.
  static func pointRule(_ mode: PointJoinMode) -> String {
    switch mode {
    case .assign: "a point on a shared boundary counts once, in the ward with the smallest code"
    case .within: "points on a boundary are dropped (GeoPandas within)"
    case .intersects: "points on a shared boundary count in every ward (GeoPandas intersects)"
    }
  }

  /// The `x`, `y` numbers of every row; a missing or non-numeric cell names its line.
  static func coordinates(_ table: Table, x: String, y: String) throws -> [Coordinate] {
    guard let xi = table.columnIndex(x) else {
      throw JoinError.missingColumn(x, source: table.source)
    }
    guard let yi = table.columnIndex(y) else {
      throw JoinError.missingColumn(y, source: table.source)
    }
    return try table.rows.enumerated().map { r, row in
      // Read numeric by the cell policy: what is left is a missing-value marker.
      for (i, name) in [(xi, x), (yi, y)] where row[i].number == nil {
        throw JoinError.notANumber(
          source: table.source, line: table.lineNumbers[r], column: name,
          value: row[i].text ?? (row[i].missingReason ?? "(empty)"))
      }
      return Coordinate(x: row[xi].number!, y: row[yi].number!)
    }
  }

  /// The points in the ward layer's CRS. Geographic input is checked first against the ward
  /// CRS's area of use (in degrees): PROJ does not fail on swapped latitude and longitude.
  /// Points in a stated CRS cannot be placed on wards whose CRS is unknown.
  static func transformed(_ file: PointFile, from crs: String?, to layer: Layer) throws
    -> [Coordinate]
  {
    let points = file.points
    guard let crs else { return points }
    guard let target = layer.crs else { throw AnalysisError.missingCRS(file: layer.source) }
    let source = try CoordinateReferenceSystem(CRSDefinition(authorityCode: crs))
    let destination = try CoordinateReferenceSystem(target)
    if source.epsgCode != nil && source.epsgCode == destination.epsgCode { return points }
    if source.isGeographic, let area = destination.areaOfUse {
      for (k, p) in points.enumerated()
      where p.x < area.minX || p.x > area.maxX || p.y < area.minY || p.y > area.maxY {
        throw CommandInputError.pointOutsideAreaOfUse(
          file: file.source, line: Int(file.lines[k]), point: file.label(k), lon: p.x, lat: p.y,
          crs: "\(target)")
      }
    }
    let transformer = try Transformer(from: CRSDefinition(authorityCode: crs), to: target)
    return try points.map { (p) throws -> Coordinate in try transformer.transform(p) }
  }

  static func fill(_ report: inout JoinCommandReport, _ join: JoinReport) {
    report.matched = join.matched
    report.unmatchedWards = join.unmatchedFeatures.map(\.key)
    report.unmatched = join.unmatchedRows.map(\.key)
    report.notes.append(join.description)
  }
}

extension JoinCommand {
  /// The number convention a CSV was read with, and how to change it: a `;` file written
  /// with decimal points would otherwise be read 1000× too large without a word.
  static func conventionNote(_ file: String, _ report: ReadReport) -> [String] {
    guard let convention = report.numberConvention else { return [] }
    let how = report.numberConventionDetected == false ? "as asked" : "detected from the separator"
    let other = convention == .decimalComma ? "point" : "comma"
    return ["\(file): numbers read with \(convention.summary) (\(how)); if that is wrong, give --decimal \(other)"]
  }
}
