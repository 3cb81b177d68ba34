import SpatialStats

/// Times Fisher-Jenks (k = 5) on 20,000 seeded values, the workload of
/// `Benchmarks/classification/bench_mapclassify.py`; results go in
/// `Benchmarks/classification/RESULTS.md`. Build with `-c release`.
///
/// The values: SplitMix64 (seed 20250601) → u in [0, 1) → ⌊u²·10⁶⌋/100, a skewed indicator
/// with two decimals and some ties, bit-identical to the Python generator.
func runClassificationBenchmarks() {
  let values = benchmarkValues(count: 20_000, seed: 20_250_601)
  let clock = ContinuousClock()
  var bins: [Double] = []
  var timings: [Duration] = []
  for _ in 0..<11 {
    let elapsed = clock.measure {
      bins = (try? Classifier.fisherJenks(values, classes: 5))?.value?.bins ?? []
    }
    timings.append(elapsed)
  }
  // The first run warms caches and allocations; report the other ten.
  let runs = timings.dropFirst().map { seconds($0) }.sorted()
  print("fisher-jenks k=5 n=20000 (distinct values: \(Set(values.compactMap { $0 }).count))")
  print("  breaks: \(bins)")
  print(
    "  best \(milliseconds(runs.first!)) ms, median \(milliseconds(runs[runs.count / 2])) ms"
      + " over \(runs.count) runs")
}

/// SplitMix64 → ⌊u²·10⁶⌋/100; see `runClassificationBenchmarks()`.
func benchmarkValues(count: Int, seed: UInt64) -> [Double?] {
  var state = seed
  return (0..<count).map { _ in
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    let u = Double(z >> 11) * 0x1p-53
    return (u * u * 1e6).rounded(.down) / 100
  }
}

private func seconds(_ duration: Duration) -> Double {
  let (whole, attoseconds) = duration.components
  return Double(whole) + Double(attoseconds) * 1e-18
}

/// Milliseconds with two decimals, without Foundation.
private func milliseconds(_ value: Double) -> String {
  "\((value * 100_000).rounded() / 100)"
}
