import Testing

@testable import WijkIO

/// The byte reader of plain decimals gives ``CellPolicy``'s value bit for bit wherever it
/// answers, and leaves every other cell to it.
@Suite struct PlainDecimalTests {
  /// `PlainDecimal`'s value, or `nil` when it leaves the cell to the policy.
  static func fast(_ text: String, _ reader: PlainDecimal) -> Double? {
    Array(text.utf8).withUnsafeBufferPointer { reader.value($0) }
  }

  /// The policy's number for `text`, or `nil` when it is not one.
  static func policy(_ text: String, _ convention: NumberConvention) -> Double? {
    let p = CellPolicy(convention: convention)
    return (try? p.value(text, path: "t", line: 1, column: "c"))?.number
  }

  /// Cells of digits around a decimal mark (up to 17 digits, so both sides of the 15-digit
  /// bound), signs, leading zeros, and random strings of the bytes a number is made of.
  static func cells(_ mark: Character, count: Int) -> [String] {
    var rng = SystemRandomNumberGenerator()
    var out = ["0", "-0", "+0", "-0\(mark)0", "007", "00\(mark)5", "\(mark)5", "5\(mark)", "-",
      "1e5", " 12", "12 ", "999999999999999", "9999999999999999", "0\(mark)1",
      "123456789012345\(mark)0", "0\(mark)0000000000000000000001"]
    for _ in 0..<count {
      let digits = (0..<Int.random(in: 1...17, using: &rng)).map { _ in
        String(Int.random(in: 0...9, using: &rng))
      }.joined()
      let cut = Int.random(in: 0...digits.count, using: &rng)
      let sign = ["", "-", "+"].randomElement(using: &rng)!
      let body = cut == digits.count ? digits
        : String(digits.prefix(cut)) + String(mark) + String(digits.dropFirst(cut))
      out.append(sign + body)
      let noise = (0..<Int.random(in: 1...8, using: &rng)).map { _ in
        String("0123456789-+.,eE".randomElement(using: &rng)!)
      }.joined()
      out.append(noise)
    }
    return out
  }

  @Test(arguments: NumberConvention.allCases)
  func equalsThePolicyBitForBit(_ convention: NumberConvention) throws {
    let reader = try #require(PlainDecimal(convention: convention, missing: .standard))
    let mark: Character = convention == .decimalComma ? "," : "."
    var (answered, differ) = (0, [String]())
    for cell in Self.cells(mark, count: 20_000) {
      guard let got = Self.fast(cell, reader) else { continue }
      answered += 1
      let want = Self.policy(cell, convention)
      if want?.bitPattern != got.bitPattern { differ.append(cell) }
    }
    #expect(differ.isEmpty, "\(differ.prefix(5))")
    #expect(answered > 15_000, "the byte reader answers the common cells")
    #expect(Self.fast("5\(mark)", reader) == nil && Self.fast("1e5", reader) == nil)
    #expect(Self.fast("9999999999999999", reader) == nil, "16 significant digits")
  }

  /// A sentinel marker written as a number (`-9999`) must be seen as a marker: with one
  /// declared, no cell takes the byte path.
  @Test func aNumericMarkerSendsEveryCellToThePolicy() {
    #expect(PlainDecimal(convention: .decimalPoint, missing: .standard.adding(["-9999"])) == nil)
    #expect(PlainDecimal(convention: .decimalPoint, missing: .standard.adding(["geheim"])) != nil)
  }
}
