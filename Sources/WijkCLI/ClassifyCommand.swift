import ArgumentParser
import Foundation
import WijkAnalysis

/// `wijk classify`: map classes of a column.
struct ClassifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "classify",
    abstract: "Classify a column for a map: bins, counts and the class of each unit.",
    discussion: """
      Matches mapclassify 2.10: quantiles (Quantiles, interpolated percentiles; ties can \
      leave fewer classes), equal_interval (EqualInterval), fisher_jenks (natural breaks: \
      the exact optimum, the partition with the least within-class sum of squares; the same \
      breaks as mapclassify's FisherJenks on Columbus, SIDS2 and tied data, but where \
      mapclassify's float32 sums cannot tell two partitions apart it may return a worse \
      one: on 20,000 skewed values its 4th break is 7686.58 against the optimum's 7689.63, \
      within-class sum of squares 5,984,809,281.74 against 5,984,793,626.94; see \
      Benchmarks/classification/RESULTS.md), std_mean (StdMean, sample standard deviation, multiples −2 −1 1 2), \
      box_plot (BoxPlot, hinge 1.5), head_tail (HeadTailBreaks), user (UserDefined with \
      --bins). Classes are right-closed: class c holds values in (bins[c−1], bins[c]]; \
      classes are numbered from 0, as mapclassify's yb. Units with no value are listed.
      """)

  @OptionGroup var input: LayerOptions

  @Option(help: "The numeric field to classify.")
  var column: String

  @Option(
    help: "quantiles | equal_interval | fisher_jenks | std_mean | box_plot | head_tail | user.")
  var method: ClassifyMethod = .quantiles

  @Option(help: "Number of classes (quantiles, equal_interval, fisher_jenks).")
  var classes = 5

  @Option(help: "Upper bounds for --method user, comma-separated: 10,20,30.")
  var bins: String?

  @Flag(help: "Print the result as JSON.")
  var json = false

  func validate() throws {
    try checkOption("classes", Double(classes), .classCount)
    if method == .user && bins == nil {
      throw ValidationError("--method user needs --bins, the upper bounds: --bins 10,20,30.")
    }
    _ = try upperBounds()
  }

  /// The numbers of `--bins`.
  func upperBounds() throws -> [Double]? {
    try bins.map { text in
      try text.split(separator: ",").map { part -> Double in
        guard let x = Double(part.trimmingCharacters(in: .whitespaces)) else {
          throw ValidationError("--bins: \"\(part)\" is not a number.")
        }
        return x
      }
    }
  }

  func run() throws {
    try reportingErrors {
      let units = try input.read()
      let r = try ClassifyCommands.classify(
        units, column: column, method: method, classes: classes, bins: try upperBounds())
      if !r.missing.isEmpty {
        note("\(r.missing.count) unit(s) with no \(column): " + r.missing.joined(separator: ", "))
      }
      if json { return try printJSON(r) }
      print("\(column): \(r.method)")
      if let undefined = r.undefined { return print("not classified: \(undefined)") }
      var lower: Double? = nil
      for (c, upper) in r.bins.enumerated() {
        let from = lower.map { "(\(show($0))" } ?? "[min"
        print("class \(c): \(from), \(show(upper))]  \(r.counts[c]) units")
        lower = upper
      }
      for n in r.notes { print("note: \(n)") }
      print("id\tvalue\tclass")
      for u in r.units {
        print("\(u.id)\t\(show(u.value))\t\(u.classIndex.map(String.init) ?? "–")")
      }
    }
  }
}
