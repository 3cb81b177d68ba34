/// A list for a message or a report line: the first `limit` items joined by ", ", then
/// "and N more", so that 50,000 boundary points make one readable line. The full lists stay
/// in `--json` and the report files.
///
/// - Parameters:
///   - items: the items, in the order to show them.
///   - limit: how many to show, at least 1.
/// - Returns: "a, b, c" or "a, b and 49998 more".
public func shortList(_ items: [String], limit: Int = 20) -> String {
  items.count <= limit
    ? items.joined(separator: ", ")
    : items.prefix(limit).joined(separator: ", ") + " and \(items.count - limit) more"
}
