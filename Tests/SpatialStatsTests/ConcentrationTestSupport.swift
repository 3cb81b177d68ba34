import Foundation
import Testing

@testable import SpatialStats

/// Tolerances shared by the concentration tests.
enum Tolerance {
  /// Analytic values against PySAL: 1e-9 relative.
  static let statistic = 1e-9
}

/// `actual` within `relative` of `expected` (absolute near 0).
func close(_ actual: Double?, _ expected: Double?, relative: Double = Tolerance.statistic)
  -> Bool
{
  guard let actual, let expected else { return actual == nil && expected == nil }
  return abs(actual - expected) <= relative * max(abs(expected), 1e-300)
    || abs(actual - expected) <= 1e-15
}

/// Every pair close; the first difference is reported with its position.
func expectClose(
  _ actual: [Double?], _ expected: [Double?], _ label: String,
  relative: Double = Tolerance.statistic, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(actual.count == expected.count, "\(label): lengths", sourceLocation: sourceLocation)
  for (i, (a, e)) in zip(actual, expected).enumerated() where !close(a, e, relative: relative) {
    Issue.record(
      "\(label)[\(i)]: \(String(describing: a)) vs \(String(describing: e))",
      sourceLocation: sourceLocation)
    return
  }
}

/// A reference JSON written by `Tests/Fixtures/reference/concentration_references.py`.
struct ReferenceFile {
  let root: [String: Any]

  init(_ name: String) throws {
    let url = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/reference/concentration_\(name).json")
    let data = try Data(contentsOf: url)
    // JSONDecoder, not JSONSerialization: on Linux the latter rounds 7.6000000000000005
    // to 7.6, and the classification bounds are compared to the last bit.
    let value = try JSONDecoder().decode(JSONValue.self, from: data)
    root = try #require(value.plain as? [String: Any])
  }
}

/// Any JSON value, decoded with full double precision.
private enum JSONValue: Decodable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let number = try? container.decode(Double.self) {
      self = .number(number)
    } else if let string = try? container.decode(String.self) {
      self = .string(string)
    } else if let bool = try? container.decode(Bool.self) {
      self = .bool(bool)
    } else if let array = try? container.decode([JSONValue].self) {
      self = .array(array)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  /// Double, String, Bool, [Any], [String: Any], or NSNull for null.
  var plain: Any {
    switch self {
    case .null: NSNull()
    case .bool(let b): b
    case .number(let d): d
    case .string(let s): s
    case .array(let a): a.map(\.plain)
    case .object(let o): o.mapValues(\.plain)
    }
  }
}

/// Typed access into decoded JSON.
extension Dictionary where Key == String, Value == Any {
  func object(_ key: String) -> [String: Any] { self[key] as! [String: Any] }
  func number(_ key: String) -> Double { self[key] as! Double }
  func numbers(_ key: String) -> [Double?] { optionalNumbers(self[key]!) }
  func integers(_ key: String) -> [Int] { (self[key] as! [Double]).map { Int($0) } }
  func strings(_ key: String) -> [String] { self[key] as! [String] }
}

func optionalNumbers(_ any: Any) -> [Double?] {
  (any as! [Any]).map { $0 as? Double }
}

/// A seeded SplitMix64 stream, for property tests and the benchmark values.
struct SplitMix64 {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  /// Uniform in [0, 1) with 53 random bits.
  mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
}
