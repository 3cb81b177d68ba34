// wijk-bench: the Swift side of the benchmarks. `swift run -c release wijk-bench FAMILY`
// with FAMILY one of points, spatial, classification (see Benchmarks/README.md).
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
do {
  switch arguments.first ?? "" {
  case "spatial": runSpatialBenchmarks()
  case "classification": runClassificationBenchmarks()
  case "points": try runPointBenchmarks(arguments: Array(arguments.dropFirst()))
  default: print("usage: wijk-bench points|spatial|classification  (see Benchmarks/README.md)")
  }
} catch {
  print("wijk-bench: \(error)")
  exit(1)
}
