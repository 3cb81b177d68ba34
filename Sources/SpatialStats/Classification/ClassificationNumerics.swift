/// The exact arithmetic of the reference stack, so that computed bounds agree to the bit.
enum ReferenceNumerics {
  /// numpy's pairwise summation (`np.add.reduce` on a contiguous float64 array): blocks of
  /// at most 128 summed in 8 interleaved accumulators, larger arrays split in halves rounded
  /// to a multiple of 8. Its rounding differs from a left-to-right loop.
  static func pairwiseSum(_ a: ArraySlice<Double>) -> Double {
    let n = a.count
    let start = a.startIndex
    if n < 8 {
      return a.reduce(0.0, +)
    }
    if n <= 128 {
      var r = Array(a[start..<start + 8])
      var i = 8
      while i < n - n % 8 {
        for j in 0..<8 { r[j] += a[start + i + j] }
        i += 8
      }
      var result = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
      while i < n {
        result += a[start + i]
        i += 1
      }
      return result
    }
    var half = n / 2
    half -= half % 8
    return pairwiseSum(a[start..<start + half]) + pairwiseSum(a[(start + half)...])
  }

  /// `np.mean`.
  static func mean(_ a: [Double]) -> Double { pairwiseSum(a[...]) / Double(a.count) }

  /// `np.std(ddof: 1)`: the sample standard deviation.
  static func sampleStandardDeviation(_ a: [Double]) -> Double {
    let m = mean(a)
    let squares = a.map { ($0 - m) * ($0 - m) }
    return (pairwiseSum(squares[...]) / Double(a.count - 1)).squareRoot()
  }

  /// scipy `stats.scoreatpercentile(a, percent)` (interpolation "fraction") on sorted `a`.
  static func scoreAtPercentile(sorted a: [Double], _ percent: Double) -> Double {
    let index = percent / 100 * Double(a.count - 1)
    let i = Int(index)
    if Double(i) == index { return a[i] }
    let j = Double(i + 1)
    let lowWeight = j - index
    let highWeight = index - Double(i)
    return (a[i] * lowWeight + a[i + 1] * highWeight) / (lowWeight + highWeight)
  }
}
