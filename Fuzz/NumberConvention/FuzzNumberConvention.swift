// libFuzzer target for the number conventions (WijkIO/NumberConvention.swift, read through
// CellPolicy). Any text must parse to a finite number or nil in both conventions, and a number
// wijk writes in a convention (`format`) must read back as the same number in that convention:
// a decimal-comma file wijk writes is a file wijk can read.
@testable import WijkIO

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNumberConvention(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  let text = String(decoding: bytes, as: UTF8.self)
  for convention in NumberConvention.allCases {
    _ = NumberConvention.looksNumeric(text)
    _ = CellPolicy(convention: convention).read(text)
    guard let parsed = convention.parse(text) else { continue }
    let value: Double
    switch parsed {
    case .integer(let i): value = Double(i)
    case .real(let d): value = d
    }
    guard value.isFinite else { fatalError("\(convention) parsed '\(text)' as \(value)") }
    let written = convention.format(value)
    let reread: Double? =
      switch convention.parse(written) {
      case .integer(let i): Double(i)
      case .real(let d): d
      case nil: nil
      }
    guard reread == value else {
      fatalError("\(convention): '\(text)' → \(value) → '\(written)' → \(String(describing: reread))")
    }
  }
  return 0
}
