// A small line chart of one indicator over the years, the ward beside its groups and the
// city, for the ward plans: small multiples in the sense of Tufte, one per indicator, same
// size each.

/// One line of a ``TrendChart``: a value per year, `nil` where the year has none (the line
/// breaks there rather than bridging the gap).
public struct TrendLine: Hashable, Sendable {
  /// What the line stands for, which sets its stroke: the ward solid and dark blue, a ward
  /// group dotted and orange, the city (the reference) dashed and grey. The three differ in
  /// their dashes too, so they stay apart on a grey-scale print.
  public enum Role: String, Hashable, Sendable {
    case ward, group, reference
  }

  /// The legend text ("Kolderbos", "impulswijken (illustratief)", "Stad").
  public var label: String
  /// One value per year of the chart, in its order.
  public var values: [Double?]
  /// The line's role.
  public var role: Role

  /// A line; see the properties.
  public init(label: String, values: [Double?], role: Role = .ward) {
    (self.label, self.values, self.role) = (label, values, role)
  }

  /// Stroke colour and SVG dash attribute of the role.
  var stroke: (colour: String, dash: String) {
    switch role {
    case .ward: ("#08306b", "")
    case .group: ("#b35806", " stroke-dasharray=\"1.5 2\"")
    case .reference: ("#888888", " stroke-dasharray=\"4 3\"")
    }
  }
}

/// A line chart as a standalone SVG: years along the bottom (first, last and every year
/// ticked), the value range on the left (its minimum and maximum, in the report's number
/// style), one line per ``TrendLine`` with a dot per year, and a legend.
public struct TrendChart: Sendable {
  /// The years, oldest first.
  public let years: [Int]
  /// The lines, each with one value per year.
  public let lines: [TrendLine]
  /// The title above the chart (the indicator and its unit).
  public let title: String
  /// Decimals of the axis labels.
  public let decimals: Int
  /// The number style of the axis labels (decimal comma in Dutch).
  public let style: NumberStyle
  /// Width in px, and the height with a legend of one row (each further row adds
  /// ``legendRowHeight``).
  public let width: Double
  public let height: Double
  /// Height of a legend row in px.
  static let legendRowHeight = 12.0
  /// Where a legend row starts and how far it may run, in px.
  static let (legendLeft, legendRight) = (52.0, 10.0)

  /// - Throws: ``CartographyError/nonFiniteValue(ward:what:)`` for a value that is not
  ///   finite, naming the line; ``CartographyError/lengthMismatch(input:count:wards:)`` when a
  ///   line does not have one value per year (`wards` is then the number of years).
  public init(
    years: [Int], lines: [TrendLine], title: String, decimals: Int = 0,
    style: NumberStyle = NumberStyle(.dutch), width: Double = 320, height: Double = 150
  ) throws {
    for line in lines {
      guard line.values.count == years.count else {
        throw CartographyError.lengthMismatch(
          input: "values of \(line.label)", count: line.values.count, wards: years.count)
      }
      if line.values.contains(where: { $0.map { !$0.isFinite } ?? false }) {
        throw CartographyError.nonFiniteValue(ward: line.label, what: "trend value")
      }
    }
    (self.years, self.lines, self.title, self.decimals) = (years, lines, title, decimals)
    (self.style, self.width, self.height) = (style, width, height)
  }

  /// The value range drawn: every value, padded by 5 % (a flat line sits in the middle).
  var range: (low: Double, high: Double) {
    let all = lines.flatMap { $0.values.compactMap { $0 } }
    guard let low = all.min(), let high = all.max() else { return (0, 1) }
    let pad = high > low ? (high - low) * 0.05 : max(abs(low) * 0.05, 1)
    return (low - pad, high + pad)
  }

  /// The chart as an SVG document; taller than ``height`` when the legend wraps.
  public func svg() -> String {
    let (left, right, top, bottom) = (52.0, 16.0, 26.0, 36.0)  // room for the last year's label
    let rows = legendRows()
    let fullHeight = height + Double(rows.count - 1) * Self.legendRowHeight
    let (plotW, plotH) = (width - left - right, height - top - bottom)
    let (low, high) = range
    func x(_ k: Int) -> Double {
      left + (years.count > 1 ? Double(k) / Double(years.count - 1) * plotW : plotW / 2)
    }
    func y(_ v: Double) -> Double { top + (high - v) / (high - low) * plotH }
    var out = """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(width.svg)" height="\(fullHeight.svg)" \
      viewBox="0 0 \(width.svg) \(fullHeight.svg)" font-family="sans-serif" font-size="10">
      <title>\(title.xmlEscaped)</title>
      <text x="\(left.svg)" y="14" font-size="11" font-weight="bold">\(title.xmlEscaped)</text>
      <rect x="\(left.svg)" y="\(top.svg)" width="\(plotW.svg)" height="\(plotH.svg)" fill="none" stroke="#cccccc"/>

      """
    let labels = [(high, y(high)), (low, y(low))].map { v, at in
      "<text x=\"\((left - 4).svg)\" y=\"\((at + 3).svg)\" text-anchor=\"end\">\(style.format(v, decimals: decimals).xmlEscaped)</text>"
    }
    out += labels.joined(separator: "\n") + "\n"
    for k in years.indices {
      let tick = "<line x1=\"\(x(k).svg)\" y1=\"\((top + plotH).svg)\" x2=\"\(x(k).svg)\" y2=\"\((top + plotH + 3).svg)\" stroke=\"#999999\"/>"
      out += tick + "\n"
      if k == 0 || k == years.count - 1 {
        out += "<text x=\"\(x(k).svg)\" y=\"\((top + plotH + 14).svg)\" text-anchor=\"middle\">\(years[k])</text>\n"
      }
    }
    for line in lines { out += path(line, x: x, y: y) }
    for (k, row) in rows.enumerated() {
      out += legend(row, y: height - 6 + Double(k) * Self.legendRowHeight)
    }
    return out + "</svg>\n"
  }

  /// The line's segments between years with values, and a dot on each such year.
  func path(_ line: TrendLine, x: (Int) -> Double, y: (Double) -> Double) -> String {
    let (colour, dash) = line.stroke
    var segments: [[String]] = [[]]
    for (k, v) in line.values.enumerated() {
      if let v { segments[segments.count - 1].append("\(x(k).svg),\(y(v).svg)") }
      else if !segments[segments.count - 1].isEmpty { segments.append([]) }
    }
    var out = ""
    for s in segments where s.count > 1 {
      out += "<polyline points=\"\(s.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\"\(dash)/>\n"
    }
    for (k, v) in line.values.enumerated() {
      guard let v else { continue }
      out += "<circle cx=\"\(x(k).svg)\" cy=\"\(y(v).svg)\" r=\"1.8\" fill=\"\(colour)\"/>\n"
    }
    return out
  }

  /// The width a legend entry takes: its 16 px stroke, a gap and the label (about 5.5 px a
  /// character at 10 px sans-serif).
  static func legendWidth(_ line: TrendLine) -> Double {
    28 + Double(line.label.count) * 5.5
  }

  /// The lines in legend rows, side by side under the axis while they fit the width.
  func legendRows() -> [[TrendLine]] {
    var rows: [[TrendLine]] = [[]]
    var at = Self.legendLeft
    for line in lines {
      let w = Self.legendWidth(line)
      if !rows[rows.count - 1].isEmpty && at + w - 8 > width - Self.legendRight {
        rows.append([])
        at = Self.legendLeft
      }
      rows[rows.count - 1].append(line)
      at += w
    }
    return rows
  }

  /// One row of legend entries at baseline `y`.
  func legend(_ row: [TrendLine], y: Double) -> String {
    var out = ""
    var at = Self.legendLeft
    for line in row {
      let (colour, dash) = line.stroke
      out += "<line x1=\"\(at.svg)\" y1=\"\((y - 3).svg)\" x2=\"\((at + 16).svg)\" y2=\"\((y - 3).svg)\" stroke=\"\(colour)\" stroke-width=\"1.5\"\(dash)/>"
      out += "<text x=\"\((at + 20).svg)\" y=\"\(y.svg)\">\(line.label.xmlEscaped)</text>\n"
      at += Self.legendWidth(line)
    }
    return out
  }
}
