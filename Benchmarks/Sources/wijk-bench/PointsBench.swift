import Foundation
import WijkAnalysis
import WijkCore

// The point-to-ward benchmark: data from Benchmarks/points/generate.py, results recorded in
// Benchmarks/points/RESULTS.md. Reads the wards (GeoJSON) and the points (little-endian
// float64 x, y pairs), builds the index, joins, and checks every ward's count against the
// shapely/GEOS expectation written beside the data.

/// Runs the point-to-ward benchmark on every `points-<n>` folder of the data directory.
///
/// - Parameter arguments: `[dataDirectory]` (default `Benchmarks/data`), optionally followed by
///   `--repeat N` (joins timed N times, best reported; default 3) and `--cells-per-edge C`
///   (grid density, default 4).
/// - Throws: `PointsBenchError` when a file is missing or a ward's count differs from GEOS's.
public func runPointBenchmarks(arguments: [String]) throws {
  var directory = "Benchmarks/data"
  var repeats = 3
  var cellsPerEdge = 4.0
  var rest = arguments[...]
  while let a = rest.popFirst() {
    if a == "--repeat", let n = rest.popFirst().flatMap({ Int($0) }) {
      repeats = n
    } else if a == "--cells-per-edge", let c = rest.popFirst().flatMap({ Double($0) }) {
      cellsPerEdge = c
    } else {
      directory = a
    }
  }
  let folders = try FileManager.default.contentsOfDirectory(atPath: directory)
    .filter { $0.hasPrefix("points-") }
    .sorted { $0.count != $1.count ? $0.count < $1.count : $0 < $1 }
  for folder in folders {
    try benchmark(
      URL(fileURLWithPath: directory).appendingPathComponent(folder), repeats, cellsPerEdge)
  }
}

/// Why the benchmark stopped.
public enum PointsBenchError: Error, CustomStringConvertible {
  case malformed(String)
  case mismatch(folder: String, differences: [String])

  public var description: String {
    switch self {
    case .malformed(let what): "Benchmark data malformed: \(what)."
    case .mismatch(let f, let d):
      "\(f): \(d.count) ward count(s) differ from GEOS: \(d.prefix(10).joined(separator: "; "))."
    }
  }
}

private func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

private func benchmark(_ folder: URL, _ repeats: Int, _ cellsPerEdge: Double) throws {
  var codes: [String] = []
  var geometries: [Geometry?] = []
  let tWards = try seconds {
    (codes, geometries) = try readWards(folder.appendingPathComponent("wards.geojson"))
  }
  var index: WardPointIndex?
  let tIndex = try seconds {
    index = try WardPointIndex(codes: codes, geometries: geometries, cellsPerEdge: cellsPerEdge)
  }
  var best = Double.infinity
  var bestRead = Double.infinity
  var result: PointJoinResult?
  var pointCount = 0
  for _ in 0..<max(repeats, 1) {
    var points: [Coordinate] = []
    let tRead = try seconds {
      points = try readPoints(folder.appendingPathComponent("points.f64"))
    }
    bestRead = min(bestRead, tRead)
    pointCount = points.count
    best = min(best, seconds { result = index!.join(points) })
  }
  let r = result!
  let idx = index!
  try check(r, idx, folder)
  let rate = Double(pointCount) / best / 1e6
  // Ward tests (point-in-one-ward crossing tests) done by the join, counted in a separate pass.
  let points = try readPoints(folder.appendingPathComponent("points.f64"))
  let tests = points.reduce(0) { $0 + idx.wardTestCount(at: $1) }
  let direct = points.filter { idx.wardTestCount(at: $0) == 0 }.count
  print(
    """
    \(folder.lastPathComponent): \(codes.count) wards, \(idx.edgeCount) edges, grid \
    \(idx.gridSize.columns)×\(idx.gridSize.rows); \(pointCount) points
      read wards (JSONSerialization)  \(fmt(tWards)) s
      build index                      \(fmt(tIndex)) s  (\(idx.indexByteCount / 1_000_000) MB)
      read points (float64)            \(fmt(bestRead)) s  (best of \(repeats))
      join (assign, smallest key)      \(fmt(best)) s  (best of \(repeats)) = \(fmt(rate)) M points/s
      ward tests \(tests) (\(fmt(Double(tests) / Double(pointCount))) per point, \
    \(fmt(Double(tests) / best / 1e6)) M/s); \(direct) points answered without edge tests
      points read + join               \(fmt(bestRead + best)) s
      index + points read + join       \(fmt(tIndex + bestRead + best)) s
      outside \(r.outsidePoints.count), on a boundary \(r.boundaryPoints.count); all \
    \(codes.count) ward counts equal GEOS's
    """)
}

private func fmt(_ x: Double) -> String { String(format: "%.3f", x) }

/// Compares every ward's count and the outside count with `expected_counts.csv`.
private func check(_ r: PointJoinResult, _ index: WardPointIndex, _ folder: URL) throws {
  let text = try String(
    contentsOf: folder.appendingPathComponent("expected_counts.csv"), encoding: .utf8)
  var expected: [String: Int] = [:]
  for line in text.split(separator: "\n").dropFirst() {
    let parts = line.split(separator: ",")
    guard parts.count == 2, let n = Int(parts[1]) else {
      throw PointsBenchError.malformed(String(line))
    }
    expected[String(parts[0])] = n
  }
  var differences: [String] = []
  for (code, n) in zip(index.codes, r.counts) where expected[code] != n {
    differences.append("\(code): \(n) vs \(expected[code].map(String.init) ?? "none")")
  }
  if expected["(outside)"] != r.outsidePoints.count {
    differences.append("outside: \(r.outsidePoints.count) vs \(expected["(outside)"] ?? -1)")
  }
  if !differences.isEmpty {
    throw PointsBenchError.mismatch(folder: folder.lastPathComponent, differences: differences)
  }
}

/// The whole file read straight into coordinates (x, y float64 pairs, little-endian).
private func readPoints(_ url: URL) throws -> [Coordinate] {
  guard let file = fopen(url.path, "rb") else { throw PointsBenchError.malformed(url.path) }
  defer { fclose(file) }
  fseek(file, 0, SEEK_END)
  let bytes = ftell(file)
  fseek(file, 0, SEEK_SET)
  let count = bytes / MemoryLayout<Coordinate>.stride
  return try [Coordinate](unsafeUninitializedCapacity: count) { buffer, initialised in
    let got = fread(buffer.baseAddress, MemoryLayout<Coordinate>.stride, count, file)
    guard got == count else { throw PointsBenchError.malformed("\(url.path): short read") }
    initialised = count
  }
}

/// Ward codes (property `code`) and (multi)polygons of a GeoJSON FeatureCollection.
private func readWards(_ url: URL) throws -> ([String], [Geometry?]) {
  let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
  guard let features = root?["features"] as? [[String: Any]] else {
    throw PointsBenchError.malformed(url.path)
  }
  var codes: [String] = []
  var geometries: [Geometry?] = []
  for f in features {
    guard let code = (f["properties"] as? [String: Any])?["code"] as? String,
      let g = f["geometry"] as? [String: Any], let type = g["type"] as? String
    else { throw PointsBenchError.malformed("feature \(codes.count)") }
    codes.append(code)
    switch type {
    case "Polygon": geometries.append(.polygon(polygon(g["coordinates"])))
    case "MultiPolygon":
      geometries.append(.multiPolygon(((g["coordinates"] as? [Any]) ?? []).map(polygon)))
    default: throw PointsBenchError.malformed("geometry type \(type)")
    }
  }
  return (codes, geometries)
}

private func polygon(_ any: Any?) -> Polygon {
  let rings = ((any as? [[[NSNumber]]]) ?? []).map { ring in
    Ring(ring.map { Coordinate(x: $0[0].doubleValue, y: $0[1].doubleValue) })
  }
  return Polygon(exterior: rings.first ?? Ring([]), holes: Array(rings.dropFirst()))
}
