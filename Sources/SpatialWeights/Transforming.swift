// Transformations and subgraphs: each returns a new SpatialWeights; the receiver is unchanged.

extension SpatialWeights {
  /// These weights under another transformation, always computed from the original weights.
  ///
  /// Matches libpysal 4.14 `W.transform` for "O", "B", "R", "V"; for "D" it divides by the sum
  /// of the original weights (see ``Transformation``). An island keeps an empty row.
  public func transformed(_ transformation: Transformation) -> SpatialWeights {
    SpatialWeights(
      ids: ids, offsets: offsets, neighbourIndices: neighbourIndices,
      originalValues: originalValues, transformation: transformation,
      values: transformedValues(transformation))
  }

  private func transformedValues(_ t: Transformation) -> [Double] {
    switch t {
    case .original:
      return originalValues
    case .binary:
      return [Double](repeating: 1, count: originalValues.count)
    case .row:
      var out = originalValues
      for i in 0..<count {
        let sum = originalValues[offsets[i]..<offsets[i + 1]].reduce(0, +)
        for k in offsets[i]..<offsets[i + 1] { out[k] /= sum }
      }
      return out
    case .doubly:
      let total = originalValues.reduce(0, +)
      return originalValues.map { $0 / total }
    case .varianceStabilising:
      var out = originalValues
      var total = 0.0
      for i in 0..<count {
        let q = originalValues[offsets[i]..<offsets[i + 1]].reduce(0) { $0 + $1 * $1 }.squareRoot()
        for k in offsets[i]..<offsets[i + 1] {
          out[k] /= q
          total += out[k]
        }
      }
      let scale = Double(count) / total
      return out.map { $0 * scale }
    }
  }

  /// The weights among `units` only: links to units outside the set are dropped, the original
  /// weights of the remaining links are kept, and ``transformation`` is applied afresh.
  ///
  /// Used to exclude units with missing values or islands before computing a statistic. Units
  /// are renumbered `0..<units.count` in the order given.
  /// - Precondition: `units` are distinct valid indices.
  public func restricted(to units: [Int]) -> SpatialWeights {
    var newIndex = [Int](repeating: -1, count: count)
    for (k, u) in units.enumerated() { newIndex[u] = k }
    var offsets = [0]
    var columns: [Int] = []
    var original: [Double] = []
    for u in units {
      for k in self.offsets[u]..<self.offsets[u + 1] where newIndex[neighbourIndices[k]] >= 0 {
        columns.append(newIndex[neighbourIndices[k]])
        original.append(originalValues[k])
      }
      offsets.append(columns.count)
    }
    // renumbering keeps rows sorted only if `units` is increasing: sort each row to be sure
    for i in 0..<units.count {
      let range = offsets[i]..<offsets[i + 1]
      let row = zip(columns[range], original[range]).sorted { $0.0 < $1.0 }
      for (k, (c, w)) in zip(range, row) { (columns[k], original[k]) = (c, w) }
    }
    let base = SpatialWeights(
      ids: units.map { ids[$0] }, offsets: offsets, neighbourIndices: columns,
      originalValues: original, transformation: .original, values: original)
    return base.transformed(transformation)
  }
}
