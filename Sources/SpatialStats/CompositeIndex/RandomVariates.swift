// Random variates for the composite index's draws, built on the project's seeded generator.
// Every sampler is exact (no normal approximation) and uses only +, −, ×, ÷, sqrt, log, exp
// and pow, in a fixed order, so that a script can replay the same stream draw for draw
// (Tests/Fixtures/reference/composite_index_references.py does, in plain Python).

import Foundation

extension PermutationGenerator {
  /// A uniform double in [0, 1): the top 53 bits of one output, times 2⁻⁵³.
  mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }

  /// A uniform double in (0, 1): (top 53 bits + ½) × 2⁻⁵³, safe for `log` and `pow`.
  mutating func openUniform() -> Double { (Double(next() >> 11) + 0.5) * 0x1p-53 }

  /// A standard normal variate by Marsaglia's polar method (the second variate of each pair
  /// is discarded, so that the generator carries no extra state).
  ///
  /// Reference: Marsaglia, G. & Bray, T. A. (1964), A convenient method for generating normal
  /// variables, *SIAM Review* 6(3).
  mutating func normal() -> Double {
    while true {
      let u = 2 * uniform() - 1
      let v = 2 * uniform() - 1
      let s = u * u + v * v
      if s > 0, s < 1 { return u * (-2 * log(s) / s).squareRoot() }
    }
  }

  /// A Gamma(shape, 1) variate by Marsaglia and Tsang's method; shape < 1 through
  /// Gamma(shape + 1) · U^(1/shape).
  ///
  /// - Parameter shape: Above 0 and finite.
  ///
  /// Reference: Marsaglia, G. & Tsang, W. W. (2000), A simple method for generating gamma
  /// variables, *ACM TOMS* 26(3), 363–372.
  mutating func gamma(shape: Double) -> Double {
    if shape < 1 {
      let g = gamma(shape: shape + 1)
      return g * pow(openUniform(), 1 / shape)
    }
    let d = shape - 1.0 / 3.0
    let c = 1 / (9 * d).squareRoot()
    while true {
      let x = normal()
      var v = 1 + c * x
      if v <= 0 { continue }
      v = v * v * v
      let u = openUniform()
      let x2 = x * x
      if u < 1 - 0.0331 * (x2 * x2) { return d * v }
      if log(u) < 0.5 * x2 + d * (1 - v + log(v)) { return d * v }
    }
  }

  /// A Beta(a, b) variate as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b), drawn in that order.
  mutating func beta(_ a: Double, _ b: Double) -> Double {
    let x = gamma(shape: a)
    let y = gamma(shape: b)
    return x / (x + y)
  }

  /// A Dirichlet(α) variate: independent Gamma(αᵢ) draws in order, divided by their sum.
  ///
  /// - Parameter alpha: Concentrations, each above 0.
  mutating func dirichlet(_ alpha: [Double]) -> [Double] {
    let g = alpha.map { gamma(shape: $0) }
    let total = g.reduce(0, +)
    return g.map { $0 / total }
  }

  /// A Binomial(n, p) count, exactly, by Knuth's order-statistic recursion: while n > 32 a
  /// Beta(a, n + 1 − a) variate X with a = 1 + ⌊n/2⌋ (the a-th smallest of n uniforms) splits
  /// the trials (X ≥ p: Binomial(a − 1, p/X); else a + Binomial(n − a, (p − X)/(1 − X)));
  /// the last ≤ 32 trials are Bernoulli draws (U < p).
  ///
  /// Reference: Knuth, D. E. (1998), *The Art of Computer Programming* 2, 3rd ed.,
  /// §3.4.1 F (after Ahrens & Dieter 1974).
  mutating func binomial(_ trials: Int, _ probability: Double) -> Int {
    var n = trials
    var p = probability
    var k = 0
    if p <= 0 { return 0 }
    if p >= 1 { return n }
    while n > 32 {
      let a = 1 + n / 2
      let x = beta(Double(a), Double(n + 1 - a))
      if x >= p {
        n = a - 1
        p = p / x
      } else {
        k += a
        n = n - a
        p = (p - x) / (1 - x)
      }
    }
    for _ in 0..<n where uniform() < p { k += 1 }
    return k
  }
}
