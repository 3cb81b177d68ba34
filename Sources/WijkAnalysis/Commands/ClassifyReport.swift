import SpatialStats

/// The classification methods of `wijk classify`, named as mapclassify's snake_case names.
public enum ClassifyMethod: String, Codable, Sendable, CaseIterable {
  case quantiles, equal_interval, fisher_jenks, std_mean, box_plot, head_tail, user
}

/// What `wijk classify` reports: the upper bounds of the right-closed classes
/// ((bins[c−1], bins[c]]), the count per class and the class of each unit (0-based).
public struct ClassifyReport: Codable, Sendable, Equatable {
  /// The attribute column classified.
  public var column: String
  /// ``ClassificationMethod``'s description, e.g. "Fisher-Jenks natural breaks (5 classes)".
  public var method: String
  /// Upper bound of each class, ascending (mapclassify `bins`); empty when ``undefined`` is set.
  public var bins: [Double]
  /// Units per class, aligned with `bins` (mapclassify `counts`; missing values not counted);
  /// empty when ``undefined`` is set.
  public var counts: [Int]
  /// Per feature: its id and class (nil for a missing value).
  public var units: [UnitClass]
  /// Ids of the units without a value (empty or missing cell), left unclassified.
  public var missing: [String]
  /// Notes of the classifier (classes collapsed by ties, ...), and why it is undefined.
  public var notes: [String]
  /// Why no classification exists (no values, fewer distinct values than classes…), else `nil`.
  public var undefined: String?

  /// One unit's value and class.
  public struct UnitClass: Codable, Sendable, Equatable {
    /// The unit's id (``UnitLayer/ids``: the `--id` field, or the 1-based feature number).
    public var id: String
    /// The unit's value in `column`; `nil` when missing.
    public var value: Double?
    /// 0-based index into `bins` of the unit's class; `nil` for a missing value or when the
    /// classification is undefined.
    public var classIndex: Int?
  }
}

/// The computation behind `wijk classify`.
public enum ClassifyCommands {
  /// Classifies `column` with mapclassify 2.10's rules: `Quantiles`, `EqualInterval`,
  /// `FisherJenks` (exact), `StdMean` (sample standard deviation, multiples −2, −1, 1, 2),
  /// `BoxPlot` (hinge 1.5), `HeadTailBreaks`, `UserDefined` (`bins`).
  ///
  /// - Throws: ``CommandInputError`` (unknown column, non-numeric cell, `user` without bins),
  ///   `ClassificationError` (classes below 1, bins not increasing).
  public static func classify(
    _ units: UnitLayer, column: String, method: ClassifyMethod, classes: Int = 5,
    bins: [Double]? = nil
  ) throws -> ClassifyReport {
    let values = try units.numbers(column)
    let outcome: StatisticOutcome<Classification>
    switch method {
    case .quantiles: outcome = try Classifier.quantiles(values, classes: classes)
    case .equal_interval: outcome = try Classifier.equalInterval(values, classes: classes)
    case .fisher_jenks: outcome = try Classifier.fisherJenks(values, classes: classes)
    case .std_mean: outcome = try Classifier.standardDeviation(values)
    case .box_plot: outcome = try Classifier.boxPlot(values)
    case .head_tail: outcome = try Classifier.headTailBreaks(values)
    case .user:
      guard let bins, !bins.isEmpty else {
        throw CommandInputError.invalidOption(
          name: "bins", value: "(none)", expected: "upper bounds a,b,c for --method user")
      }
      outcome = try Classifier.userDefined(values, bins: bins)
    }
    let c = outcome.value
    return ClassifyReport(
      column: column, method: c.map { "\($0.method)" } ?? method.rawValue, bins: c?.bins ?? [],
      counts: c?.counts ?? [],
      units: units.ids.indices.map {
        .init(id: units.ids[$0], value: values[$0], classIndex: c?.classIndex[$0])
      },
      missing: units.ids(where: values), notes: c?.notes ?? [],
      undefined: outcome.reason?.description)
  }
}
