// libFuzzer target for the DBF numeric-cell scan (WijkIO/DBFNumbers.swift): any bytes, read
// as a DBF file, must give a (possibly empty) list of unreadable cells, never a trap, a read
// past a record or the file, or a loop over records the file does not hold.
@testable import WijkIO

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDBFNumbers(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  _ = DBFNumbers.unreadable(bytes: bytes)
  return 0
}
