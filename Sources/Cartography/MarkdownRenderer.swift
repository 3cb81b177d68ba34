// ReportDocument as GitHub-flavoured Markdown.

extension ReportDocument {
  /// The report as GitHub-flavoured Markdown (CommonMark with pipe tables): `#` title,
  /// `##` sections, escaped paragraphs, pipe tables with `---:` for right-aligned columns,
  /// figures as image links (or inline SVG), notes as block quotes.
  public func markdown() -> String {
    let style = NumberStyle(language)
    var parts = ["# " + title.markdownEscaped]
    if let s = subtitle { parts.append("_" + s.markdownEscaped + "_") }
    for block in blocks {
      switch block {
      case .heading(let level, let text):
        parts.append(String(repeating: "#", count: level) + " " + text.markdownEscaped)
      case .paragraph(let text):
        parts.append(text.markdownEscaped)
      case .table(let table):
        parts.append(markdownTable(table, style))
      case .figure(let figure):
        parts.append(markdownFigure(figure))
      case .figureRow(let figures):
        parts.append(contentsOf: figures.map(markdownFigure))
      case .note(let text):
        let label = language == .dutch ? "Noot" : "Note"
        parts.append("> **\(label):** " + text.markdownEscaped)
      case .pageBreak:
        continue
      }
    }
    return parts.joined(separator: "\n\n") + "\n"
  }

  private func markdownTable(_ table: ReportTable, _ style: NumberStyle) -> String {
    var lines = ["**" + table.caption.markdownEscaped + "**", ""]
    lines.append(
      "| " + table.columns.map { $0.title.markdownEscaped }.joined(separator: " | ")
        + " |")
    lines.append(
      "|"
        + table.columns.map { $0.alignment == .right ? " ---: " : " --- " }
        .joined(separator: "|") + "|")
    for row in table.rows {
      lines.append(
        "| " + row.map { $0.text(style).markdownEscaped }.joined(separator: " | ")
          + " |")
    }
    return lines.joined(separator: "\n")
  }

  private func markdownFigure(_ figure: ReportFigure) -> String {
    let caption = figure.caption.markdownEscaped
    if let path = figure.markdownPath {
      // Angle brackets let the link hold spaces; `<`/`>` cannot occur in a sane file path.
      let target = path.filter { $0 != "<" && $0 != ">" && !$0.isNewline }
      return "![\(caption)](<\(target)>)\n\n_\(caption)_"
    }
    // An HTML block ends at the first blank line, so the SVG is joined without empty lines.
    let inline = figure.svg.split(whereSeparator: \.isNewline).joined(separator: "\n")
    return inline + "\n\n_\(caption)_"
  }
}
