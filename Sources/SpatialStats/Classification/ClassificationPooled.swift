/// One set of class bounds for several columns (years), and each column binned by it.
public struct PooledClassification: Hashable, Sendable {
  /// The classifier applied to every present value of every column together.
  public let pooled: Classification
  /// Per column, its values binned by ``pooled``'s bounds (same ``Classification/bins``).
  public let columns: [Classification]
}

extension Classifier {
  /// Pooled classes: one classification over all columns together, so that a colour means the
  /// same value in every year's map.
  ///
  /// The values of every column are stacked (column after column, as mapclassify's
  /// `numpy.reshape(Y, (-1, 1), order="f")`) and classified with `classify`; each column is
  /// then binned with those bounds (mapclassify's `UserDefined(Y[:, c], bins)`; the last
  /// bound is the pooled maximum, so no column adds one). Matches mapclassify 2.10
  /// `Pooled(Y, classifier, **kwargs)`: ``PooledClassification/pooled`` is its
  /// `global_classifier`, ``PooledClassification/columns`` its `col_classifiers`. Missing
  /// values (`nil`) take no part in the bounds and get no class, which mapclassify does not
  /// handle at all; the columns may differ in length.
  ///
  /// - Parameters:
  ///   - columns: One array of values per column (e.g. per year: one value per ward).
  ///   - classify: The classifier, e.g. `{ try Classifier.quantiles($0, classes: 5) }`.
  /// - Returns: Undefined when the pooled values cannot be classified (``UndefinedReason``
  ///   of `classify`, e.g. no values).
  /// - Throws: ``ClassificationError`` from `classify`.
  public static func pooled(
    _ columns: [[Double?]],
    using classify: ([Double?]) throws(ClassificationError) -> StatisticOutcome<Classification>
  ) throws(ClassificationError) -> StatisticOutcome<PooledClassification> {
    let all = try classify(columns.flatMap { $0 })
    guard case .defined(let pooled) = all else { return .undefined(all.reason!) }
    return .defined(
      PooledClassification(
        pooled: pooled,
        columns: columns.map {
          Classification(
            method: pooled.method, bins: pooled.bins, values: $0,
            notes: ["bounds pooled over \(columns.count) columns"])
        }))
  }
}
