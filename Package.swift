// swift-tools-version: 6.0
// wijk: spatial neighbourhood analysis (wards, indicators, concentration statistics).
//
// Layering (each arrow is "may import"):
//   WijkCore (pure Swift values) <- SpatialWeights <- SpatialStats
//   WijkCore <- WijkEngine (GEOS, PROJ) ; WijkCore <- WijkIO (GDAL/OGR, CSV)
//   WijkCore <- Cartography (SVG, reports)
//   all of the above <- WijkAnalysis <- WijkCLI (the `wijk` executable)
// The statistics never import a C module, so they build and test without GEOS.
import PackageDescription

let package = Package(
  name: "wijk",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "wijk", targets: ["WijkCLI"]),
    .library(name: "WijkCore", targets: ["WijkCore"]),
    .library(name: "SpatialWeights", targets: ["SpatialWeights"]),
    .library(name: "SpatialStats", targets: ["SpatialStats"]),
    .library(name: "WijkAnalysis", targets: ["WijkAnalysis"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
  ],
  targets: [
    .systemLibrary(
      name: "CGEOS", pkgConfig: "geos",
      providers: [.apt(["libgeos-dev"]), .brew(["geos"])]),
    .systemLibrary(
      name: "CPROJ", pkgConfig: "proj",
      providers: [.apt(["libproj-dev", "proj-data"]), .brew(["proj"])]),
    .systemLibrary(
      name: "CGDAL", pkgConfig: "gdal",
      providers: [.apt(["libgdal-dev"]), .brew(["gdal"])]),

    .target(name: "WijkCore"),
    .target(name: "WijkEngine", dependencies: ["WijkCore", "CGEOS", "CPROJ"]),
    .target(name: "WijkIO", dependencies: ["WijkCore", "CGDAL"]),
    .target(name: "SpatialWeights", dependencies: ["WijkCore"]),
    .target(name: "SpatialStats", dependencies: ["WijkCore", "SpatialWeights"]),
    .target(name: "Cartography", dependencies: ["WijkCore"]),
    .target(
      name: "WijkAnalysis",
      dependencies: [
        "WijkCore", "WijkEngine", "WijkIO", "SpatialWeights", "SpatialStats", "Cartography",
        .product(name: "Yams", package: "Yams"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    .executableTarget(
      name: "WijkCLI",
      dependencies: [
        "WijkAnalysis", "WijkIO", "WijkEngine", "SpatialWeights",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(
      name: "wijk-bench",
      dependencies: ["WijkAnalysis", "WijkIO", "WijkEngine", "SpatialStats", "SpatialWeights"],
      path: "Benchmarks/Sources/wijk-bench"),

    .testTarget(name: "WijkCoreTests", dependencies: ["WijkCore"]),
    .testTarget(name: "WijkEngineTests", dependencies: ["WijkEngine"]),
    .testTarget(name: "WijkIOTests", dependencies: ["WijkIO"]),
    .testTarget(name: "SpatialWeightsTests", dependencies: ["SpatialWeights"]),
    .testTarget(name: "SpatialStatsTests", dependencies: ["SpatialStats", "WijkCore"]),
    .testTarget(name: "CartographyTests", dependencies: ["Cartography"]),
    .testTarget(name: "WijkAnalysisTests", dependencies: ["WijkAnalysis"]),
    .testTarget(name: "WijkCLITests", dependencies: ["WijkCLI"]),
  ]
)

// Fuzz targets (Fuzz/README.md): one libFuzzer executable per hand-written reader, declared
// only when WIJK_FUZZ is set, so the ordinary build and `swift test` never see them. They are
// built with `-sanitize=fuzzer,address` and reach internal readers by `@testable import`.
if Context.environment["WIJK_FUZZ"] != nil {
  let readers: [(name: String, module: Target.Dependency)] = [
    ("CSVTokeniser", "WijkIO"), ("NumberConvention", "WijkIO"), ("DBFNumbers", "WijkIO"),
    ("WKB", "WijkCore"), ("Configuration", "WijkAnalysis"),
  ]
  for reader in readers {
    package.products.append(.executable(name: "Fuzz\(reader.name)", targets: ["Fuzz\(reader.name)"]))
    package.targets.append(
      .executableTarget(
        name: "Fuzz\(reader.name)", dependencies: [reader.module], path: "Fuzz/\(reader.name)"))
  }
}
