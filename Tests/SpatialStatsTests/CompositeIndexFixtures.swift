// The composite index reference (Tests/Fixtures/reference/composite_index.json, written by
// composite_index_references.py with numpy 2.4, pandas 3.1, scipy 1.17), decoded into
// the library's types.

import Foundation
import SpatialStats

struct CompositeReference: Decodable {
  struct Dataset: Decodable {
    var wards: [String]
    var columns: [String: [Double?]]
  }
  struct Uncertainty: Decodable {
    var kind: String
    var events: String
    var trials: String?
    var base: String?
    var per: Double
  }
  struct Indicator: Decodable {
    var name: String
    var worse: String
    var weight: Double
    var domain: String?
    var uncertainty: Uncertainty?
  }
  struct Domain: Decodable {
    var name: String
    var weight: Double
  }
  struct Missing: Decodable {
    var rule: String
    var minimum_share: Double?
  }
  struct Interval: Decodable, Equatable {
    var lower: Int
    var upper: Int
    var mean_rank: Double
  }
  struct SensitivityRow: Decodable {
    var kind: String
    var target: String
    var change: String
    var entering: [String]
    var leaving: [String]
    var largest_rank_change: Int
    var wards_with_largest_change: [String]
    var top: [String]
  }
  struct Sensitivity: Decodable {
    var size: Int
    var top: [String]
    var rows: [SensitivityRow]
  }
  struct Configuration: Decodable {
    var dataset: String
    var indicators: [Indicator]
    var domains: [Domain]
    var transformation: String
    var combination: String
    var missing: Missing
    var domain_names: [String]
    var scored: [String]
    var score: [String: Double]
    var rank: [String: Int]
    var decile: [String: Int]
    var domain_scores: [String: [Double?]]
    var domain_exponential: [String: [Double?]]?
    var intervals: [String: [String: Interval]?]?
    var sensitivity: Sensitivity?
  }
  struct SamplerCheck: Decodable {
    var sampler: String
    var arguments: [Double]
    var seed: UInt64
    var mean: Double
    var variance: Double
    var fourth_central_moment: Double
  }
  struct Settings: Decodable {
    var draws: Int
    var concentration: Double
    var seed: UInt64
  }
  var settings: Settings
  var inputs: [String: Dataset]
  var configurations: [String: Configuration]
  var sampler_checks: [SamplerCheck]
  var first_draws: FirstDraws
  var poisson_tables: [PoissonTable]

  /// scipy's Poisson cdf over the k of one ``InversionTable``, and the mass left out of it.
  struct PoissonTable: Decodable {
    var mean: Double
    var first_k: Int
    var cdf: [Double]
    var below, above: Double
  }

  struct FirstDraws: Decodable {
    var next: [UInt64]
    var uniform, normal, gamma_0_4, gamma_3_7, dirichlet_25_12_5_12_5: [Double]
    var binomial_2000_0_17: [Int]
  }

  static func load() throws -> CompositeReference {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Fixtures/reference/composite_index.json")
    return try JSONDecoder().decode(CompositeReference.self, from: Data(contentsOf: url))
  }

  /// The decoded file, or why it does not decode (a test reports it; the others then have no
  /// arguments rather than crashing the run).
  static let loaded = Result { try load() }
  static var shared: CompositeReference? { try? loaded.get() }

  var drawSettings: CompositeDrawSettings {
    CompositeDrawSettings(
      draws: settings.draws, concentration: settings.concentration, seed: settings.seed)
  }
}

extension CompositeReference.Configuration {
  /// The specification, as the script describes it.
  var specification: CompositeIndexSpecification {
    CompositeIndexSpecification(
      indicators: indicators.map {
        CompositeIndicator(
          name: $0.name, worse: WorseDirection(rawValue: $0.worse)!, weight: $0.weight,
          domain: domains.isEmpty ? nil : $0.domain)
      },
      domains: domains.map { CompositeDomain(name: $0.name, weight: $0.weight) },
      transformation: CompositeTransformation(rawValue: transformation)!,
      combination: CompositeCombination(rawValue: combination)!,
      missing: missing.rule == "reweight"
        ? .reweight(minimumShare: missing.minimum_share!) : .missingIndex)
  }

  /// The figures of the dataset, with the uncertainty models the script used.
  func input(_ data: CompositeReference.Dataset) -> CompositeIndexInput {
    var values: [String: [Double?]] = [:]
    var uncertainty: [String: IndicatorUncertainty] = [:]
    for indicator in indicators {
      values[indicator.name] = data.columns[indicator.name]!
      guard let u = indicator.uncertainty else { continue }
      switch u.kind {
      case "binomial_share":
        uncertainty[indicator.name] = .binomialShare(
          events: data.columns[u.events]!, trials: data.columns[u.trials!]!, per: u.per)
      case "poisson_rate":
        uncertainty[indicator.name] = .poissonRate(
          events: data.columns[u.events]!, base: data.columns[u.base!]!, per: u.per)
      default:
        uncertainty[indicator.name] = .poissonCount
      }
    }
    return CompositeIndexInput(wards: data.wards, values: values, uncertainty: uncertainty)
  }
}

extension CompositeSensitivityRow {
  /// The row in the script's words.
  var referenceKey: String {
    switch target {
    case .indicator(let name): "indicator \(name) \(change.rawValue)"
    case .domain(let name): "domain \(name) \(change.rawValue)"
    }
  }
}
