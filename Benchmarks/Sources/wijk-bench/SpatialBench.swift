// Spatial weights and local Moran benchmark on a seeded jittered grid of 20,000 polygons; the
// same grid as Benchmarks/spatial/bench_pysal.py builds (see Benchmarks/spatial/RESULTS.md).

import Foundation
import SpatialStats
import SpatialWeights
import WijkCore

/// The benchmark grid: `rows` × `columns` quadrilaterals whose shared corners are jittered by a
/// SplitMix64 hash of the corner's position, and a smooth field plus hashed noise as values.
/// Pure integer hashing, so Python builds bit-identical coordinates.
enum SpatialBenchGrid {
  static func splitMix(_ x: UInt64) -> UInt64 {
    var z = x &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform number in [0, 1) from a hash (53 high bits).
  static func unit(_ h: UInt64) -> Double { Double(h >> 11) * 0x1p-53 }

  static func corner(_ i: Int, _ j: Int, seed: UInt64) -> Coordinate {
    let h1 = splitMix(seed ^ UInt64(i * 1_000_003 + j))
    let h2 = splitMix(h1)
    return Coordinate(
      x: Double(j) + (unit(h1) - 0.5) * 0.4, y: Double(i) + (unit(h2) - 0.5) * 0.4)
  }

  static func make(rows: Int, columns: Int, seed: UInt64)
    -> (ids: [String], geometries: [Geometry], values: [Double])
  {
    var ids: [String] = []
    var geometries: [Geometry] = []
    var values: [Double] = []
    for r in 0..<rows {
      for c in 0..<columns {
        let ring = Ring([
          corner(r, c, seed: seed), corner(r, c + 1, seed: seed), corner(r + 1, c + 1, seed: seed),
          corner(r + 1, c, seed: seed),
        ])
        ids.append("\(r)-\(c)")
        geometries.append(.polygon(Polygon(exterior: ring)))
        let noise = unit(splitMix(seed ^ 0xABCD ^ UInt64(r * 1_000_003 + c)))
        values.append(sin(Double(c) / 15) + cos(Double(r) / 10) + noise)
      }
    }
    return (ids, geometries, values)
  }
}

/// Times queen contiguity and local Moran (999 conditional permutations) on 20,000 units.
/// Run: `swift run -c release wijk-bench spatial` (after wiring in main.swift).
public func runSpatialBenchmarks() {
  let clock = ContinuousClock()
  let grid = SpatialBenchGrid.make(rows: 100, columns: 200, seed: 20_250_101)
  var weights: SpatialWeights?
  let tQueen = clock.measure {
    weights = try! SpatialWeights.queen(ids: grid.ids, geometries: grid.geometries)
  }
  let w = weights!
  // the vertex method (libpysal's own) in the same run, as the speed it replaced
  var vertex: SpatialWeights?
  let tVertex = clock.measure {
    vertex = try! SpatialWeights.queen(
      ids: grid.ids, geometries: grid.geometries, method: .vertex)
  }
  let tSnapped = clock.measure {
    _ = try! SpatialWeights.queen(ids: grid.ids, geometries: grid.geometries, snapTolerance: 0.01)
  }
  let y = grid.values.map(Optional.some)
  var result: AutocorrelationResult<LocalMoran>?
  // process CPU time as well as wall time: the machine is shared, and CPU time is what a
  // single core spends
  let cpuStart = Foundation.clock()
  let tLocal = clock.measure {
    result = try! localMoran(y, weights: w, permutations: 999, seed: 12345)
  }
  let cpuLocal = Double(Foundation.clock() - cpuStart) / Double(CLOCKS_PER_SEC)
  let cpuSharedStart = Foundation.clock()
  let tShared = clock.measure {
    _ = try! localMoran(y, weights: w, permutations: 999, seed: 12345, scheme: .shared)
  }
  let cpuShared = Double(Foundation.clock() - cpuSharedStart) / Double(CLOCKS_PER_SEC)
  let tGlobal = clock.measure {
    _ = try! moranI(y, weights: w, permutations: 999, seed: 12345)
  }
  let lm = result!.value!
  let significant = lm.permutation!.pseudoP.filter { $0 < 0.05 }.count
  let mean = Double(w.linkCount) / Double(w.count)
  print("units \(w.count), queen links \(w.linkCount) (mean \(mean)), islands \(w.islands.count)")
  print("queen contiguity (boundary):        \(tQueen)")
  print(
    "queen contiguity (vertex):          \(tVertex)"
      + (vertex == w ? " (same links)" : " (DIFFERENT links)"))
  print("queen contiguity (boundary, 0.01):  \(tSnapped)")
  print(
    "local Moran, 999 permutations:      \(tLocal), CPU \(cpuLocal) s"
      + " (p_sim < 0.05: \(significant))")
  print("local Moran, 999, shared draws:     \(tShared), CPU \(cpuShared) s")
  print("global Moran, 999 permutations:     \(tGlobal)")
  print("checksum: sum of Is = \(lm.i.reduce(0, +))")
}
