// wijk-bench: the Swift side of the benchmarks. `swift run -c release wijk-bench FAMILY`
// with FAMILY one of points, spatial, classification (see Benchmarks/README.md).
let family = CommandLine.arguments.dropFirst().first ?? ""
switch family {
case "spatial": runSpatialBenchmarks()
case "classification": runClassificationBenchmarks()
case "points": runPointBenchmarks(arguments: Array(CommandLine.arguments.dropFirst(2)))
default: print("usage: wijk-bench points|spatial|classification  (see Benchmarks/README.md)")
}
