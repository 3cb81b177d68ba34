// The arithmetic of the index, shared by the index itself, every draw and every sensitivity
// variant. Sums run in ward and indicator order (never pairwise or compensated), so a script
// that adds in the same order gets the same bits, and ties stay ties.

import Foundation

/// Relative weights at both levels: one per domain, and per domain one per indicator.
struct CompositeWeights: Sendable {
  var domain: [Double]
  var member: [[Double]]
}

/// Domain scores and the index of the scored wards.
struct CompositeScores: Sendable {
  /// Domain × scored ward: D_d, `nil` where the ward has no indicator of the domain.
  var domains: [[Double?]]
  /// Domain × scored ward: X_d of the exponential transformation (empty for a weighted sum).
  var exponential: [[Double?]]
  /// Per scored ward, the index (`nil` when no domain has a score).
  var index: [Double?]
}

enum CompositeScoring {
  /// 1 − e^(−100/23), the constant of the exponential transformation.
  static let exponentialConstant = 1 - exp(-100.0 / 23.0)

  /// Scores the scored wards of `plan` from `values` (indicator × scored ward) and `weights`.
  static func scores(_ plan: CompositePlan, values: [[Double?]], weights: CompositeWeights)
    -> CompositeScores
  {
    let transformed = values.indices.map { i in
      transform(values[i], worse: plan.worse[i], by: plan.transformation)
    }
    let wardCount = values.first?.count ?? 0
    let domains = plan.members.indices.map { d in
      (0..<wardCount).map { k in
        weightedMean(plan.members[d].map { transformed[$0][k] }, weights: weights.member[d])
      }
    }
    switch plan.combination {
    case .weightedSum:
      let index = (0..<wardCount).map { k in
        weightedMean(domains.map { $0[k] }, weights: weights.domain)
      }
      return CompositeScores(domains: domains, exponential: [], index: index)
    case .exponentialDomainRanks:
      let exponential = domains.map(exponentialRanks)
      let index = (0..<wardCount).map { k in
        weightedMean(exponential.map { $0[k] }, weights: weights.domain)
      }
      return CompositeScores(domains: domains, exponential: exponential, index: index)
    }
  }

  /// One indicator over the wards with a value, oriented so that higher is worse.
  static func transform(
    _ values: [Double?], worse: WorseDirection, by transformation: CompositeTransformation
  ) -> [Double?] {
    let oriented = values.map { v in v.map { worse == .higher ? $0 : -$0 } }
    let present = oriented.compactMap { $0 }
    guard !present.isEmpty else { return oriented }
    switch transformation {
    case .zScore:
      var sum = 0.0
      for x in present { sum += x }
      let mean = sum / Double(present.count)
      var squares = 0.0
      for x in present { squares += (x - mean) * (x - mean) }
      let sd = (squares / Double(present.count)).squareRoot()
      return oriented.map { v in v.map { sd > 0 ? ($0 - mean) / sd : 0 } }
    case .rank:
      let ranks = CompositeRanking.averageRanks(present)
      var next = 0
      return oriented.map { v in
        guard v != nil else { return nil }
        defer { next += 1 }
        return ranks[next] / Double(present.count)
      }
    case .minMax:
      let low = present.min()!
      let high = present.max()!
      return oriented.map { v in v.map { high > low ? ($0 - low) / (high - low) : 0 } }
    }
  }

  /// Σ wᵢxᵢ / Σ wᵢ over the present xᵢ; `nil` when none is present.
  static func weightedMean(_ values: [Double?], weights: [Double]) -> Double? {
    var sum = 0.0
    var total = 0.0
    for (v, w) in zip(values, weights) {
      guard let v else { continue }
      sum += w * v
      total += w
    }
    return total > 0 ? sum / total : nil
  }

  /// X = −23 ln(1 − R (1 − e^(−100/23))) with R = (mean rank, ascending) / m over the wards
  /// with a domain score.
  static func exponentialRanks(_ scores: [Double?]) -> [Double?] {
    let present = scores.compactMap { $0 }
    let ranks = CompositeRanking.averageRanks(present)
    var next = 0
    return scores.map { s in
      guard s != nil else { return nil }
      defer { next += 1 }
      let r = ranks[next] / Double(present.count)
      return -23 * log(1 - r * exponentialConstant)
    }
  }
}
