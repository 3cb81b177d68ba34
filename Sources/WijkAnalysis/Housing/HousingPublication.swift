extension HousingResult {
  /// Whether `column` is one year of a year series (`subsidies_2019`).
  public func isYearColumn(_ column: String) -> Bool {
    guard let cut = column.lastIndex(of: "_"), Int(column[column.index(after: cut)...]) != nil
    else { return false }
    return currentColumns.contains(String(column[..<cut]))
  }

  /// The per-ward columns of the brochure: the current date's register columns without the
  /// single years of a series, whose counts per ward and year are mostly below 5 (a third of
  /// them in the synthetic register). They are published as the series' total over its
  /// years (global recoding, Hundepool et al. 2012, §4.2) and, city-wide, per year in the
  /// summary.
  public var brochureColumns: [String] {
    currentColumns.filter { !isYearColumn($0) }
  }
}

extension HousingAnalysis.Run {
  /// The publication of `wijk housing`: the main job's figures with the brochure's register
  /// columns and the category sums under the same rules, so every output withholds the
  /// same cells.
  /// - Throws: as ``Publication/make(_:extraColumns:relations:)``.
  public func publication() throws -> Publication {
    try publication(pattern: nil)
  }

  /// The publication with the given withheld cells (for the leak tests).
  func publication(pattern: CellSuppression.Pattern?) throws -> Publication {
    let earlier = housing.dates.count == 2 ? ["dwellings_at_\(housing.dates[0])"] : []
    return try Publication.make(
      analysis, extraColumns: housing.brochureColumns + earlier, relations: relations,
      pattern: pattern)
  }

  /// Each indicator's change between the dates, from the published figures: a ward's change
  /// is published only where both dates are.
  public func publishedChanges(_ p: Publication) -> [IndicatorChange] {
    housing.changes.compactMap { c in
      guard let now = p.result.indicator(c.indicator),
        let before = p.result.indicator(c.earlierIndicator)
      else { return nil }
      let d = PublishedPrecision.value(now)
      var out = c
      out.cityFrom = before.city.value
      out.cityTo = now.city.value
      out.dissimilarityFrom = before.city.dissimilarity
      out.dissimilarityTo = now.city.dissimilarity
      out.moranFrom = before.city.moran?.i
      out.moranTo = now.city.moran?.i
      out.wards = zip(before.wards, now.wards).map { b, n in
        IndicatorChange.Ward(
          code: n.code, from: b.value, to: n.value,
          change: n.value.flatMap { v in b.value.map { PublishedPrecision.round(v - $0, d) } },
          locationQuotientFrom: b.locationQuotient, locationQuotientTo: n.locationQuotient)
      }
      return out
    }
  }
}
