// A small report: sections of headings, paragraphs, tables, figures and notes, rendered to
// Markdown and to a self-contained HTML page.

/// A report for the housing office, planners or ward development: a title, then blocks in
/// order. Build it with the `mutating` methods, then call ``markdown()`` or ``html()``.
///
/// All text is plain text: the renderers escape it (`<`, `&`, quotes for HTML; Markdown
/// punctuation for Markdown), so ward names such as "Winterslag 2 en 4" or "Oud-Sledderlo"
/// and accented names print as they are.
///
/// ## Example
/// ```swift
/// var report = ReportDocument(title: "Wijkanalyse Genk", language: .dutch)
/// report.addSection("Concentratie")
/// report.addParagraph("Sociale huur is geconcentreerd in drie wijken.")
/// report.addTable(table)
/// report.addFigure(svg: map.svg(), caption: "Aandeel sociale huur per wijk")
/// let page = report.html()
/// ```
public struct ReportDocument: Sendable {
  /// The level-1 heading (plain text).
  public var title: String
  /// A line under the title (e.g. "Genk, 2025"); `nil` for none.
  public var subtitle: String?
  /// Language of the number format, the fixed words and the HTML `lang`.
  public var language: Language
  /// Printed as a compact A4 fiche (a ward plan): smaller type, the first figure beside the
  /// text, tables side by side after a page break; the screen view is unchanged.
  public var isFiche = false
  public private(set) var blocks: [ReportBlock] = []

  /// An empty report; add blocks with the `add…` methods.
  public init(title: String, subtitle: String? = nil, language: Language = .dutch) {
    self.title = title
    self.subtitle = subtitle
    self.language = language
  }

  /// Starts a section: a level-2 heading (the title is level 1).
  public mutating func addSection(_ title: String) { blocks.append(.heading(level: 2, title)) }

  /// A heading of `level` 2 to 4 (clamped), for sub-sections.
  public mutating func addHeading(_ text: String, level: Int = 3) {
    blocks.append(.heading(level: min(max(level, 2), 4), text))
  }

  public mutating func addParagraph(_ text: String) { blocks.append(.paragraph(text)) }

  /// A table; its rows are checked when it is built (``ReportTable/init(caption:columns:rows:)``).
  public mutating func addTable(_ table: ReportTable) { blocks.append(.table(table)) }

  /// An inline SVG figure with a caption.
  ///
  /// - Parameters:
  ///   - svg: a standalone SVG document (from ``ChoroplethMap/svg()`` or ``ClusterMap/svg()``);
  ///     inserted as it is, so it must come from a trusted renderer.
  ///   - caption: shown under the figure.
  ///   - markdownPath: where the Markdown version finds the SVG as a file (e.g.
  ///     `maps/share.svg`); `nil` inlines the SVG in the Markdown as HTML.
  public mutating func addFigure(svg: String, caption: String, markdownPath: String? = nil) {
    blocks.append(.figure(ReportFigure(svg: svg, caption: caption, markdownPath: markdownPath)))
  }

  /// Figures side by side (as GeoDa pairs the cluster and significance maps), each numbered
  /// and captioned as ``addFigure(svg:caption:markdownPath:)``; on a narrow screen they wrap,
  /// in Markdown they follow each other.
  public mutating func addFigureRow(_ figures: [ReportFigure]) {
    guard figures.count > 1 else {
      figures.first.map { blocks.append(.figure($0)) }
      return
    }
    blocks.append(.figureRow(figures))
  }

  /// A note set apart from the text (method, source, small-number rule).
  public mutating func addNote(_ text: String) { blocks.append(.note(text)) }

  /// Starts a new printed page before the next block.
  public mutating func addPageBreak() { blocks.append(.pageBreak) }
}

/// One block of a report.
public enum ReportBlock: Sendable {
  case heading(level: Int, String)
  case paragraph(String)
  case table(ReportTable)
  case figure(ReportFigure)
  /// Two or more figures side by side.
  case figureRow([ReportFigure])
  case note(String)
  case pageBreak
}

/// An SVG figure of a report.
public struct ReportFigure: Sendable {
  /// A standalone SVG document, inserted as it is.
  public var svg: String
  /// Shown under the figure (plain text).
  public var caption: String
  /// Where the Markdown version finds the SVG as a file; `nil` inlines it.
  public var markdownPath: String?

  /// A figure; see the properties.
  public init(svg: String, caption: String, markdownPath: String? = nil) {
    (self.svg, self.caption, self.markdownPath) = (svg, caption, markdownPath)
  }
}

/// A cell of a report table: text, or a number formatted in the report's language and aligned
/// right.
public enum ReportCell: Hashable, Sendable {
  case text(String)
  /// A number with a fixed number of decimals.
  case number(Double, decimals: Int)
  /// A share (0.125) written as a percentage (`12,5%`).
  case percent(Double, decimals: Int)
  /// A count, with counts below `suppressBelow` written as `<5`.
  case count(Int, suppressBelow: Int?)
  /// No value, written as an en dash.
  case empty

  var isNumeric: Bool {
    switch self {
    case .number, .percent, .count: true
    default: false
    }
  }

  /// The cell as text in `style`'s language.
  func text(_ style: NumberStyle) -> String {
    switch self {
    case .text(let s): s
    case .number(let v, let d): style.format(v, decimals: d)
    case .percent(let v, let d): style.percent(v, decimals: d)
    case .count(let n, let t): style.count(n, suppressBelow: t)
    case .empty: "–"
    }
  }
}

/// Column alignment: text columns left, number columns right.
public enum ReportAlignment: Hashable, Sendable { case left, right }

/// A column of a report table.
public struct ReportColumn: Hashable, Sendable {
  /// The header cell (plain text).
  public var title: String
  /// Left for text, right for numbers.
  public var alignment: ReportAlignment
  /// A column, left-aligned unless `alignment` says otherwise.
  public init(_ title: String, alignment: ReportAlignment = .left) {
    self.title = title
    self.alignment = alignment
  }
}

/// A table with a caption and header row. The first column holds row headers (the ward name)
/// in HTML (`<th scope="row">`), so that screen readers announce each row by its ward.
public struct ReportTable: Hashable, Sendable {
  /// The table's caption (plain text).
  public var caption: String
  /// The columns, left to right.
  public var columns: [ReportColumn]
  /// One array per row with one cell per column; the first cell is the row header.
  public var rows: [[ReportCell]]

  /// - Throws: ``CartographyError/tableRowWidth(table:row:cells:columns:)`` when a row has
  ///   another number of cells than there are columns.
  public init(caption: String, columns: [ReportColumn], rows: [[ReportCell]]) throws {
    for (i, row) in rows.enumerated() where row.count != columns.count {
      throw CartographyError.tableRowWidth(
        table: caption, row: i, cells: row.count, columns: columns.count)
    }
    self.caption = caption
    self.columns = columns
    self.rows = rows
  }
}
