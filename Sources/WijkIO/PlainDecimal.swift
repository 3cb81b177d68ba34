/// The common cell of a point file, read straight from its bytes: an optional sign, digits,
/// and optionally the convention's decimal mark and more digits (`182034.25`, `-3`,
/// `1234,5`), at most 15 significant digits and 22 decimals. Every other cell returns `nil`
/// and goes through ``CellPolicy`` as text.
///
/// The value is what ``CellPolicy`` gives for the same cell, bit for bit: the digits form a
/// whole number m < 10¹⁵ < 2⁵³ and 10^f for f ≤ 22 is a double exactly, so m / 10^f is one
/// correctly rounded division of exact operands, the correctly rounded decimal (Clinger 1990,
/// the fast path of every `strtod`). A whole number keeps the table path's sign of zero
/// (`-0` is 0, `-0.0` is −0). `CSVColumnsTests` compares it with ``CellPolicy`` on generated
/// cells of both conventions.
///
/// Reference: Clinger, W. D. (1990), How to read floating point numbers accurately, *PLDI '90*.
struct PlainDecimal {
  /// The decimal mark's byte.
  let mark: UInt8

  /// `nil` when a missing-value marker could be written as such a cell (a sentinel such as
  /// `-9999`): markers are compared before numbers, so every cell must take the table path.
  init?(convention: NumberConvention, missing: MissingValues) {
    let numeric = missing.markers.keys.contains { marker in
      marker.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
    }
    if numeric { return nil }
    mark = convention == .decimalComma ? UInt8(ascii: ",") : UInt8(ascii: ".")
  }

  /// The number `bytes` write, or `nil` when they are not a plain decimal in these bounds.
  func value(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    var i = 0
    var negative = false
    if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      negative = first == UInt8(ascii: "-")
      i = 1
    }
    var mantissa: UInt64 = 0
    var significant = 0
    var (whole, decimals) = (0, -1)
    while i < bytes.count {
      let b = bytes[i]
      i += 1
      if b == mark, decimals < 0 {
        decimals = 0
        continue
      }
      guard b >= 0x30, b <= 0x39 else { return nil }
      if decimals < 0 { whole += 1 } else { decimals += 1 }
      if mantissa > 0 || b != 0x30 { significant += 1 }
      mantissa = mantissa &* 10 &+ UInt64(b - 0x30)
    }
    guard whole > 0, decimals != 0, significant <= 15, decimals <= 22 else { return nil }
    if decimals < 0 {
      return negative && mantissa > 0 ? -Double(mantissa) : Double(mantissa)
    }
    let magnitude = Double(mantissa) / Self.powersOfTen[decimals]
    return negative ? -magnitude : magnitude
  }

  /// 10⁰ … 10²², each exactly a double.
  static let powersOfTen: [Double] = (0...22).map { k in
    (0..<k).reduce(1.0) { x, _ in x * 10 }
  }
}
