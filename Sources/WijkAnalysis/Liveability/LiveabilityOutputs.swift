import Cartography
import Foundation
import WijkCore
import WijkEngine

/// The site map and the files of a check, written all or nothing through
/// ``OutputDirectory``: the published `check.md`, `check.html` and `site-map.svg`
/// (``LiveabilityPublication``), and the exact working file `check_not_for_publication.json`.
public enum LiveabilityOutputs {
  /// A choropleth of `indicator` after the project over the wards near the site, with the
  /// site dashed, the buffer ring dotted and the site's wards outlined. Classes are the
  /// city's (from the published after result), so colours mean the same as in `wijk
  /// analyse`; a withheld ward is grey, "not published".
  ///
  /// - Returns: the SVG, or `nil` when the indicator has no classes.
  /// - Throws: `EngineError` (buffer), `CartographyError` (a bug).
  public static func siteMap(
    _ published: PublishedCheck, indicator: String, site: Site, table: WardTable,
    credits: [String]
  ) throws -> String? {
    let report = published.report
    guard let after = published.after.result.indicator(indicator), let classes = after.classes
    else { return nil }
    let withheld = IndicatorMaps.withheldIDs(after, published.after)
    let context = GEOSContext()
    let buffer = try GEOSGeometry(site.geometry, context: context)
      .buffer(by: report.location.bufferMetres).value()
    guard let box = buffer.envelope else { return nil }
    let margin = report.location.bufferMetres
    let view = Envelope(
      minX: box.minX - margin, minY: box.minY - margin, maxX: box.maxX + margin,
      maxY: box.maxY + margin)
    let shown = table.codes.indices.filter {
      table.geometries[$0].envelope.map(view.intersects) ?? false
    }
    let values = shown.map { after.wards[$0].value }
    let indices = shown.map { classes.classOfWard[$0] }
    var counts = Array(repeating: 0, count: classes.upperBounds.count)
    for c in indices.compactMap({ $0 }) { counts[c] += 1 }
    let language = Language(rawValue: report.language) ?? .dutch
    let t = Words(language: language)
    let wards = IndicatorMaps.wards(table)
    let map = try ChoroplethMap(
      wards: shown.map { wards[$0] }, values: values,
      classification: MapClassification(
        method: IndicatorMaps.methodName(classes.method, language),
        upperBounds: classes.upperBounds, classIndices: indices,
        counts: counts, minimum: after.wards.compactMap(\.value).min()),
      palette: try Palette.named(
        after.worse == "neither" ? "Blues" : "YlOrRd", classes: classes.upperBounds.count,
        reversed: after.worse == "lower"),
      text: MapText(
        title: report.title,
        subtitle: after.label
          + t(" na het project (klassen van de stad)", " after the project (city classes)"),
        legendTitle: after.unit ?? after.label, credits: credits.joined(separator: " · ")),
      options: MapOptions(
        language: language, idPrefix: "site", highlightedWardIDs: report.location.wards.map(\.code),
        overlays: [
          MapOverlay(geometry: buffer, style: .bufferRing, legendLabel: "Buffer \(Int(margin)) m"),
          MapOverlay(
            geometry: site.isPoint
              ? try GEOSGeometry(site.geometry, context: context).buffer(by: 25).value()
              : site.geometry,
            style: .site, legendLabel: t("Projectzone", "Site")),
        ]),
      withheldWardIDs: withheld.intersection(shown.map { table.codes[$0] }))
    return map.svg()
  }

  /// Writes the check's files into `folder`.
  /// - Returns: the final paths.
  /// - Throws: ``OutputError/cannotCreate(path:reason:)``; nothing is left half-written.
  @discardableResult
  public static func write(
    _ exact: LiveabilityReport, published: PublishedCheck, mapSVG: String?, to folder: String
  ) throws -> [String] {
    let out = try OutputDirectory(path: folder)
    do {
      try out.write(try WorkingFiles.json(exact), to: WorkingFiles.check)
      let doc = try LiveabilityReportDocument.build(published, mapSVG: mapSVG)
      if let mapSVG { try out.write(mapSVG, to: "site-map.svg") }
      try out.write(doc.markdown(), to: "check.md")
      try out.write(doc.html(), to: "check.html")
      return try out.commit()
    } catch {
      out.discard()
      throw error
    }
  }
}
