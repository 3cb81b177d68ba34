// The immutable spatial-weights value: who neighbours whom, with what weight, under which
// transformation. Stored as compressed sparse rows (CSR) so that a spatial lag is one pass over
// contiguous arrays, which the permutation statistics repeat hundreds of thousands of times.

/// How the original weights are rescaled; the cases and their letters follow libpysal.
///
/// Every transformation starts from the original weights, never from the current ones, so
/// `w.transformed(.row).transformed(.doubly)` equals `w.transformed(.doubly)`. (libpysal's `W`
/// divides "D" by the sum of the *current* weights, which makes "D" after "R" equal "O"/n; we
/// do not copy that.)
public enum Transformation: String, Hashable, Sendable, CaseIterable {
  /// "O": the weights as built or read.
  case original = "O"
  /// "B": every link weighs 1.
  case binary = "B"
  /// "R": each row sums to 1 (an island's row stays empty); the weights sum to n minus the
  /// number of islands.
  case row = "R"
  /// "D": original weights divided by their total, so all weights sum to 1.
  case doubly = "D"
  /// "V": variance-stabilising (Tiefelsdorf et al. 1999): row i is divided by the root of its
  /// sum of squares, then everything is scaled so the weights sum to n.
  case varianceStabilising = "V"
}

/// Immutable spatial weights over `count` units, matching libpysal's `W` / `Graph` semantics.
///
/// Units are indexed `0..<count` in the order of `ids`. Row `i` lists the neighbours of unit
/// `i` in increasing index order with their weights; weights need not be symmetric (k nearest
/// neighbours is not). No unit is its own neighbour: statistics that need a self-weight (Gi*)
/// add it themselves. Transforming returns a new value; nothing here mutates.
public struct SpatialWeights: Hashable, Sendable {
  /// Unit ids, one per unit, unique.
  public let ids: [String]
  /// The transformation that produced ``values`` from the original weights.
  public let transformation: Transformation
  /// CSR row offsets: the neighbours of unit `i` are `neighbourIndices[offsets[i]..<offsets[i+1]]`.
  public let offsets: [Int]
  /// CSR column indices, sorted within each row.
  public let neighbourIndices: [Int]
  /// CSR weights under ``transformation``, aligned with ``neighbourIndices``.
  public let values: [Double]
  /// The original weights, kept so that every transformation starts from them.
  public let originalValues: [Double]

  /// Builds weights from neighbour lists.
  ///
  /// - Parameters:
  ///   - ids: One id per unit, unique.
  ///   - neighbours: For each unit, the indices (into `ids`) of its neighbours, in any order.
  ///   - weights: For each unit, the weight of each listed neighbour, aligned with
  ///     `neighbours`; `nil` means binary (1 for every link).
  /// - Throws: ``WeightsError/countMismatch(what:expected:got:)`` when the arrays do not line
  ///   up, ``WeightsError/duplicateID(_:)``,
  ///   ``WeightsError/neighbourOutOfRange(unit:index:count:)``,
  ///   ``WeightsError/selfNeighbour(unit:)``, ``WeightsError/repeatedNeighbour(unit:neighbour:)``,
  ///   ``WeightsError/invalidWeight(unit:neighbour:value:)``.
  public init(ids: [String], neighbours: [[Int]], weights: [[Double]]? = nil) throws {
    let n = ids.count
    guard neighbours.count == n else {
      throw WeightsError.countMismatch(
        what: "neighbour lists and unit ids", expected: n, got: neighbours.count)
    }
    if let weights, weights.count != n {
      throw WeightsError.countMismatch(
        what: "weight lists and unit ids", expected: n, got: weights.count)
    }
    var seen = Set<String>()
    for id in ids where !seen.insert(id).inserted { throw WeightsError.duplicateID(id) }
    var offsets = [0]
    offsets.reserveCapacity(n + 1)
    var columns: [Int] = []
    var values: [Double] = []
    for i in 0..<n {
      let row = try Self.checkedRow(i, ids: ids, neighbours: neighbours[i], weights: weights?[i])
      columns.append(contentsOf: row.map(\.0))
      values.append(contentsOf: row.map(\.1))
      offsets.append(columns.count)
    }
    self.init(
      ids: ids, offsets: offsets, neighbourIndices: columns, originalValues: values,
      transformation: .original, values: values)
  }

  /// Trusted memberwise initialiser for values already checked.
  init(
    ids: [String], offsets: [Int], neighbourIndices: [Int], originalValues: [Double],
    transformation: Transformation, values: [Double]
  ) {
    self.ids = ids
    self.offsets = offsets
    self.neighbourIndices = neighbourIndices
    self.originalValues = originalValues
    self.transformation = transformation
    self.values = values
  }

  private static func checkedRow(
    _ i: Int, ids: [String], neighbours: [Int], weights: [Double]?
  ) throws -> [(Int, Double)] {
    let n = ids.count
    if let weights, weights.count != neighbours.count {
      throw WeightsError.countMismatch(
        what: "weights and neighbours of unit '\(ids[i])'", expected: neighbours.count,
        got: weights.count)
    }
    var row: [(Int, Double)] = []
    row.reserveCapacity(neighbours.count)
    for (k, j) in neighbours.enumerated() {
      guard j >= 0, j < n else {
        throw WeightsError.neighbourOutOfRange(unit: ids[i], index: j, count: n)
      }
      guard j != i else { throw WeightsError.selfNeighbour(unit: ids[i]) }
      let w = weights?[k] ?? 1
      guard w.isFinite, w >= 0 else {
        throw WeightsError.invalidWeight(unit: ids[i], neighbour: ids[j], value: w)
      }
      row.append((j, w))
    }
    row.sort { $0.0 < $1.0 }
    for k in row.indices.dropFirst() where row[k].0 == row[k - 1].0 {
      throw WeightsError.repeatedNeighbour(unit: ids[i], neighbour: ids[row[k].0])
    }
    return row
  }
}

// MARK: - Structure

extension SpatialWeights {
  /// The number of units, n.
  public var count: Int { ids.count }

  /// The number of stored links (non-zero entries of the weights matrix).
  public var linkCount: Int { neighbourIndices.count }

  /// The neighbour indices of unit `i`, sorted.
  public func neighbours(of i: Int) -> ArraySlice<Int> {
    neighbourIndices[offsets[i]..<offsets[i + 1]]
  }

  /// The weights of unit `i`'s links under ``transformation``, aligned with ``neighbours(of:)``.
  public func weights(of i: Int) -> ArraySlice<Double> { values[offsets[i]..<offsets[i + 1]] }

  /// Neighbour lists as arrays (for export and tests), sorted within each row.
  public var neighbourLists: [[Int]] { (0..<count).map { Array(neighbours(of: $0)) } }

  /// Weight lists aligned with ``neighbourLists``.
  public var weightLists: [[Double]] { (0..<count).map { Array(weights(of: $0)) } }

  /// The number of neighbours of each unit.
  public var cardinalities: [Int] { (0..<count).map { offsets[$0 + 1] - offsets[$0] } }

  /// Indices of the units with no neighbours.
  public var islandIndices: [Int] { (0..<count).filter { offsets[$0 + 1] == offsets[$0] } }

  /// Ids of the units with no neighbours (islands, isolates), in unit order.
  public var islands: [String] { islandIndices.map { ids[$0] } }

  /// The index of the unit with id `id`, or `nil`.
  public func index(of id: String) -> Int? { ids.firstIndex(of: id) }

  /// The weight w_ij under ``transformation`` (0 when j is not a neighbour of i).
  public func weight(from i: Int, to j: Int) -> Double {
    let row = neighbours(of: i)
    guard let k = binarySearch(row, j) else { return 0 }
    return values[k]
  }

  private func binarySearch(_ row: ArraySlice<Int>, _ j: Int) -> Int? {
    var lo = row.startIndex
    var hi = row.endIndex
    while lo < hi {
      let mid = (lo + hi) / 2
      if row[mid] < j { lo = mid + 1 } else { hi = mid }
    }
    return lo < row.endIndex && row[lo] == j ? lo : nil
  }
}

// MARK: - Sums (Cliff & Ord)

extension SpatialWeights {
  /// S0 = Σ_i Σ_j w_ij.
  public var s0: Double { values.reduce(0, +) }

  /// S1 = ½ Σ_i Σ_j (w_ij + w_ji)² = Σ w_ij² + Σ w_ij·w_ji.
  public var s1: Double {
    var sum = 0.0
    for i in 0..<count {
      for k in offsets[i]..<offsets[i + 1] {
        let w = values[k]
        sum += w * w + w * weight(from: neighbourIndices[k], to: i)
      }
    }
    return sum
  }

  /// S2 = Σ_i (w_i· + w_·i)², row sum plus column sum, squared.
  public var s2: Double {
    var rows = [Double](repeating: 0, count: count)
    var columns = [Double](repeating: 0, count: count)
    for i in 0..<count {
      for k in offsets[i]..<offsets[i + 1] {
        rows[i] += values[k]
        columns[neighbourIndices[k]] += values[k]
      }
    }
    return zip(rows, columns).reduce(0) { $0 + ($1.0 + $1.1) * ($1.0 + $1.1) }
  }

  /// The row sums w_i· under ``transformation``.
  public var rowSums: [Double] {
    (0..<count).map { i in values[offsets[i]..<offsets[i + 1]].reduce(0, +) }
  }
}

// MARK: - Lag

extension SpatialWeights {
  /// The spatial lag (W y)_i = Σ_j w_ij y_j under ``transformation``; 0 for an island.
  ///
  /// - Parameter y: One value per unit, in the order of ``ids``.
  /// - Precondition: `y.count == count`.
  public func lag(_ y: [Double]) -> [Double] {
    precondition(y.count == count, "lag: expected \(count) values, got \(y.count)")
    var out = [Double](repeating: 0, count: count)
    values.withUnsafeBufferPointer { v in
      neighbourIndices.withUnsafeBufferPointer { c in
        y.withUnsafeBufferPointer { y in
          for i in 0..<count {
            var s = 0.0
            for k in offsets[i]..<offsets[i + 1] { s += v[k] * y[c[k]] }
            out[i] = s
          }
        }
      }
    }
    return out
  }
}
