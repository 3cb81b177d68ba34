import ArgumentParser
import Foundation
import WijkAnalysis

/// `wijk segregation`: how unevenly a group is spread over the units.
struct SegregationCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "segregation",
    abstract: "Segregation indices: dissimilarity, Gini, isolation, exposure, Theil's H.",
    discussion: """
      One group: --group C --total T compares the group with the rest of the total, as \
      segregation 2.5's singlegroup classes (Dissim, GiniSeg, Isolation, Interaction, \
      Entropy), whose second column is the total, not the other group; --group A \
      --other-group B compares A with B only (total = A + B; segregation#213). Several \
      groups: --groups C1,C2,... gives the multigroup indices (MultiDissim, MultiGini, \
      MultiInfoTheory, MultiNormExposure, MultiSquaredCoefVar, MultiRelativeDiversity, \
      MultiDiversity). Units with a missing count are left out and named; an index that is \
      undefined (the group absent or everyone) says why.

      --spatial adds, for one group, Morrill's spatial dissimilarity over --weights (queen by \
      default, used binary: segregation 2.5's SpatialDissim) and White's spatial proximity \
      index SP with Massey & Denton's decay exp(-d / --proximity-scale) between centroids \
      and (0.6 a)^0.5 within a unit. SP above 1: the group lives closer to itself than \
      the population does (clustering); below 1: further apart. segregation 2.5's \
      SpatialProximity is not matched: its proximity grows with distance and ranks an \
      alternating pattern above two solid halves. Spatial proximity needs a layer with a CRS.

      --null evenness|systematic tests, for one group, whether D exceeds what random \
      allocation of the same people gives (segregation 2.5's SingleValueTest): evenness \
      keeps each unit's population and draws its group members with the city's share; \
      systematic keeps the city totals of the group and the rest and spreads them in \
      proportion to the units' populations. It prints the mean D of the simulations (D of \
      small units is biased upwards: ten units of ten people give about 0.27 at random) and \
      the one-sided pseudo p (k + 1)/(n + 1). Counts must be whole numbers of people.
      """)

  @OptionGroup var input: LayerOptions

  @Option(help: "The group's count per unit.")
  var group: String?

  @Option(help: "The total population per unit (group included).")
  var total: String?

  @Option(help: "A second group, to compare --group with instead of the rest of the total.")
  var otherGroup: String?

  @Option(
    help: "Several non-overlapping group counts, comma-separated, for the multigroup indices.")
  var groups: String?

  @Flag(help: "Also spatial dissimilarity (over --weights) and spatial proximity (one group).")
  var spatial = false

  @OptionGroup var weightOptions: WeightsOptions

  @Option(help: "Metres per unit of distance in spatial proximity's decay exp(-d/scale).")
  var proximityScale = 1000.0

  @Option(
    help: ArgumentHelp(
      "Test D by simulation under this null: evenness | systematic (one group).",
      valueName: "null"))
  var null: SegregationNull?

  @Option(help: "Simulations under --null.")
  var simulations = 999

  @Option(help: "Seed of the simulations; the same seed gives the same pseudo p.")
  var seed: UInt64 = 12345

  @Flag(help: "Print the result as JSON.")
  var json = false

  func validate() throws {
    if groups == nil && group == nil {
      throw ValidationError("Give --group with --total or --other-group, or --groups C1,C2,...")
    }
    if group != nil && total == nil && otherGroup == nil {
      throw ValidationError("--group needs --total (group against the rest) or --other-group.")
    }
    if null != nil && groups != nil {
      throw ValidationError("--null tests the single-group D: use --group, not --groups.")
    }
    try checkOption("simulations", Double(simulations), .permutations)
    if simulations < 1 { throw ValidationError("--simulations must be 1 or more.") }
    if spatial && groups != nil {
      throw ValidationError("--spatial gives the single-group indices: use --group, not --groups.")
    }
    try checkOption("proximity-scale", proximityScale, .distance)
  }

  func run() throws {
    try reportingErrors {
      let units = try input.read()
      let r: SegregationReport
      if let groups {
        r = try SegregationCommands.multigroup(
          units,
          groups: groups.split(separator: ",").map {
            String($0).trimmingCharacters(in: .whitespaces)
          })
      } else {
        r = try SegregationCommands.singleGroup(
          units, group: group!, total: total, other: otherGroup,
          spatial: spatial
            ? SpatialSegregationRequest(
              weights: weightOptions.request, proximityScale: proximityScale)
            : nil,
          test: null.map {
            DissimilarityTestRequest(null: $0, simulations: simulations, seed: seed)
          })
      }
      if !r.missing.isEmpty {
        note(
          "left out \(r.missing.count) unit(s) with a missing count: "
            + r.missing.joined(separator: ", "))
      }
      if json { return try printJSON(r) }
      print("segregation: \(r.comparison), \(r.units - r.missing.count) units")
      for name in r.indices.keys.sorted() {
        print("\(name): " + (r.indices[name]!.map { show($0) } ?? (r.undefined[name] ?? "–")))
      }
      if let d = r.dissimilarityTest {
        print(
          "dissimilarity test (\(d.null.rawValue), \(d.simulations) simulations, seed \(d.seed)): "
            + "mean D under the null \(show(d.expectedUnderNull)), pseudo p \(show(d.pseudoP))")
      }
    }
  }
}

extension SegregationNull: ExpressibleByArgument {}
